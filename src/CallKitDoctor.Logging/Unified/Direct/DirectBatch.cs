using System.Runtime.CompilerServices;
using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Output;

namespace CallKitDoctor.Logging.Unified.Direct;

/// <summary>
/// A run of events in output order as the direct writing path hands them from the reading thread to the writing one:
/// each event's printed fields and its message, already escaped for JSON (<see cref="JsonStringText"/>) as UTF-8 in one
/// shared buffer (no <see cref="LogEntry"/>, no message string), or, for the rare event whose message needs data read
/// later (an oversize chunk), an entry. Reused from run to run; full when it holds <see cref="Capacity"/> events or more
/// than <see cref="TextLimit"/> bytes of messages. A small one (<see cref="DirectBatch(int, int)"/>) is also the window
/// of a file's next events that the time-ordered merge keeps while the file's reader is parked.
/// </summary>
internal sealed class DirectBatch
{
    /// <summary>Events per batch.</summary>
    public const int Capacity = 512;

    /// <summary>Bytes of escaped messages past which a batch is handed over (a statedump's text alone can be 60 K).</summary>
    public const int TextLimit = 256 * 1024;

    private readonly EntryFields[] _fields;
    private readonly int[] _textStart;
    private readonly int[] _textLength;
    // Allocated on first use: entries are rare (an oversize join), locations kept only for progress displays, and a
    // window (a parked file's next events) costs what its arrays cost per event.
    private LogEntry?[]? _entries;
    private InputLocation[]? _locations;
    private readonly int _capacity;
    private readonly int _initialText;
    private byte[] _text;
    private int _textUsed;

    // Escaping scratch for messages that do not fit the text buffer's free space, and the copy of a builder's
    // message: one per thread (batches are filled on the producer's), not one per batch (per window).
    [ThreadStatic]
    private static byte[]? t_scratch;
    [ThreadStatic]
    private static char[]? t_chars;

    /// <summary>A batch of <see cref="Capacity"/> events.</summary>
    public DirectBatch()
        : this(Capacity, TextLimit / 4)
    {
    }

    /// <summary>A batch of at most <paramref name="capacity"/> events, its text buffer starting at <paramref name="initialText"/> bytes.</summary>
    public DirectBatch(int capacity, int initialText)
    {
        _capacity = capacity;
        _initialText = initialText;
        _fields = new EntryFields[capacity];
        _textStart = new int[capacity];
        _textLength = new int[capacity];
        _text = new byte[initialText];
    }

    /// <summary>
    /// Heap bytes a batch holds per event of its capacity, apart from message text: the fields and the text's start and
    /// length (plus an entry slot and a location when those are in use).
    /// </summary>
    public static int BytesPerEvent => Unsafe.SizeOf<EntryFields>() + (2 * sizeof(int));

    /// <summary>Most events the batch holds.</summary>
    public int EventCapacity => _capacity;

    /// <summary>Bytes of the text buffer (what the messages may take before it grows).</summary>
    public int TextCapacity => _text.Length;

    /// <summary>Events held.</summary>
    public int Count { get; private set; }

    /// <summary>True when the batch should be handed over.</summary>
    public bool IsFull => Count == _capacity || _textUsed >= TextLimit;

    /// <summary>Bytes of escaped messages held.</summary>
    public int TextBytes => _textUsed;

    /// <summary>The file (as shown) and offset of the last event added, for progress displays (when tracked).</summary>
    public InputLocation LastLocation { get; set; }

    /// <summary>The fields of event <paramref name="index"/>.</summary>
    public ref readonly EntryFields Fields(int index) => ref _fields[index];

    /// <summary>The escaped UTF-8 message of event <paramref name="index"/> (when it has no <see cref="Entry"/>).</summary>
    public ReadOnlySpan<byte> EscapedMessage(int index) => _text.AsSpan(_textStart[index], _textLength[index]);

    /// <summary>The entry of event <paramref name="index"/> when it was kept as one, else null.</summary>
    public LogEntry? Entry(int index) => _entries?[index];

    /// <summary>Where event <paramref name="index"/> was read (set by <see cref="SetLocation"/>; default otherwise).</summary>
    public InputLocation Location(int index) => _locations is null ? default : _locations[index];

    /// <summary>Notes where the last event added was read (a window's events keep theirs for progress displays).</summary>
    public void SetLocation(InputLocation location) => (_locations ??= new InputLocation[_capacity])[Count - 1] = location;

    /// <summary>Adds event <paramref name="index"/> of <paramref name="from"/> (a window) as it is held there.</summary>
    public void AddFrom(DirectBatch from, int index)
    {
        if (from.Entry(index) is { } entry)
        {
            Add(entry);
            return;
        }

        var escaped = from.EscapedMessage(index);
        var at = Count;
        EnsureText(escaped.Length);
        escaped.CopyTo(_text.AsSpan(_textUsed));
        _textStart[at] = _textUsed;
        _textLength[at] = escaped.Length;
        _textUsed += escaped.Length;
        _fields[at] = from.Fields(index);
        Count = at + 1;
    }

    /// <summary>
    /// Escaped message bytes past which <see cref="Add(in EntryFields, ReadOnlySpan{char})"/> refuses an event (unless
    /// the batch is empty): a window's text stays within its share of the merge's budget. No limit by default.
    /// </summary>
    public int TextRoom { get; init; } = int.MaxValue;

    /// <summary>
    /// Adds an event with its message; false (nothing added) when the message does not fit in <see cref="TextRoom"/>
    /// and the batch holds events already.
    /// </summary>
    public bool Add(in EntryFields fields, ReadOnlySpan<char> message)
    {
        var index = Count;
        int length;
        var reserve = JsonStringText.MaxBytes(message.Length);
        if (_text.Length - _textUsed >= reserve && _textUsed + reserve <= TextRoom)
        {
            length = JsonStringText.Write(message, _text.AsSpan(_textUsed));
        }
        else
        {
            // Escaped through a scratch buffer so the text grows by what the message takes, not six times its
            // length: a window (a few KB) stays small after a long message.
            var scratch = t_scratch is { } kept && kept.Length >= reserve ? kept : new byte[Math.Max(reserve, 4096)];
            length = JsonStringText.Write(message, scratch);
            t_scratch = scratch.Length <= 1 << 20 ? scratch : null;
            if (index > 0 && _textUsed + length > TextRoom)
            {
                return false;
            }

            EnsureText(length);
            scratch.AsSpan(0, length).CopyTo(_text.AsSpan(_textUsed));
        }

        _textStart[index] = _textUsed;
        _textLength[index] = length;
        _textUsed += length;
        _fields[index] = fields;
        Count = index + 1;
        return true;
    }

    /// <summary>Adds an event with the message in <paramref name="message"/> (false: as <see cref="Add(in EntryFields, ReadOnlySpan{char})"/>).</summary>
    public bool Add(in EntryFields fields, StringBuilder message)
    {
        var length = message.Length;
        var chars = t_chars is { } kept && kept.Length >= length ? kept : new char[Math.Max(length, 1024)];
        message.CopyTo(0, chars.AsSpan(0, length), length);
        var added = Add(fields, chars.AsSpan(0, length));
        t_chars = chars.Length <= 64 * 1024 ? chars : null;
        return added;
    }

    /// <summary>Adds an event kept as an entry (its message built by <see cref="CompleteMessages"/>).</summary>
    public void Add(LogEntry entry)
    {
        (_entries ??= new LogEntry?[_capacity])[Count++] = entry;
    }

    /// <summary>Builds the messages of the entries held (on the reading thread, before the batch is handed over).</summary>
    public void CompleteMessages()
    {
        if (_entries is null)
        {
            return;
        }

        for (var i = 0; i < Count; i++)
        {
            _ = _entries[i]?.EventMessage;
        }
    }

    /// <summary>
    /// Empties the batch for reuse (a text buffer grown past 16 times its first size is given up). The fields are overwritten,
    /// not cleared: they hold only strings the reader caches for the whole read, and backtraces.
    /// </summary>
    public void Clear() => Clear(16 * _initialText);

    /// <summary>Empties the batch for reuse, giving up a text buffer of more than <paramref name="keepTextBytes"/>.</summary>
    public void Clear(int keepTextBytes)
    {
        if (_entries is not null)
        {
            Array.Clear(_entries, 0, Count);
        }

        Count = 0;
        _textUsed = 0;
        if (_text.Length > Math.Max(keepTextBytes, _initialText))
        {
            _text = new byte[_initialText];
        }
    }

    private void EnsureText(int length)
    {
        if (_text.Length - _textUsed >= length)
        {
            return;
        }

        // A batch with room for so much text grows to what it needs, no further (a window's first, long message).
        var grown = new byte[TextRoom == int.MaxValue ? Math.Max(_textUsed + length, _text.Length * 2) : _textUsed + length];
        _text.AsSpan(0, _textUsed).CopyTo(grown);
        _text = grown;
    }
}
