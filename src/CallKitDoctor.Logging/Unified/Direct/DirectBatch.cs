using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Output;

namespace CallKitDoctor.Logging.Unified.Direct;

/// <summary>
/// A run of events in output order as the direct writing path hands them from the reading thread to the writing one:
/// each event's printed fields and its message as characters in one shared text buffer (no <see cref="LogEntry"/>, no
/// message string), or, for the rare event whose message needs data read later (an oversize chunk), an entry. Reused
/// from run to run; full when it holds <see cref="Capacity"/> events or more than <see cref="TextLimit"/> characters.
/// </summary>
internal sealed class DirectBatch
{
    /// <summary>Events per batch.</summary>
    public const int Capacity = 512;

    /// <summary>Characters of message text past which a batch is handed over (a statedump's text alone can be 60 K).</summary>
    public const int TextLimit = 128 * 1024;

    private readonly EntryFields[] _fields = new EntryFields[Capacity];
    private readonly int[] _textStart = new int[Capacity];
    private readonly int[] _textLength = new int[Capacity];
    private readonly LogEntry?[] _entries = new LogEntry?[Capacity];
    private char[] _text = new char[TextLimit / 4];
    private int _textUsed;

    /// <summary>Events held.</summary>
    public int Count { get; private set; }

    /// <summary>True when the batch should be handed over.</summary>
    public bool IsFull => Count == Capacity || _textUsed >= TextLimit;

    /// <summary>The file (as shown) and offset of the last event added, for progress displays (when tracked).</summary>
    public InputLocation LastLocation { get; set; }

    /// <summary>The fields of event <paramref name="index"/>.</summary>
    public ref readonly EntryFields Fields(int index) => ref _fields[index];

    /// <summary>The message of event <paramref name="index"/> (when it has no <see cref="Entry"/>).</summary>
    public ReadOnlySpan<char> Message(int index) => _text.AsSpan(_textStart[index], _textLength[index]);

    /// <summary>The entry of event <paramref name="index"/> when it was kept as one, else null.</summary>
    public LogEntry? Entry(int index) => _entries[index];

    /// <summary>Adds an event with its message.</summary>
    public void Add(in EntryFields fields, ReadOnlySpan<char> message)
    {
        var index = Count;
        EnsureText(message.Length);
        message.CopyTo(_text.AsSpan(_textUsed));
        _textStart[index] = _textUsed;
        _textLength[index] = message.Length;
        _textUsed += message.Length;
        _fields[index] = fields;
        Count = index + 1;
    }

    /// <summary>Adds an event with the message in <paramref name="message"/>.</summary>
    public void Add(in EntryFields fields, StringBuilder message)
    {
        var index = Count;
        var length = message.Length;
        EnsureText(length);
        message.CopyTo(0, _text.AsSpan(_textUsed, length), length);
        _textStart[index] = _textUsed;
        _textLength[index] = length;
        _textUsed += length;
        _fields[index] = fields;
        Count = index + 1;
    }

    /// <summary>Adds an event kept as an entry (its message built by <see cref="CompleteMessages"/>).</summary>
    public void Add(LogEntry entry)
    {
        _entries[Count++] = entry;
    }

    /// <summary>Builds the messages of the entries held (on the reading thread, before the batch is handed over).</summary>
    public void CompleteMessages()
    {
        for (var i = 0; i < Count; i++)
        {
            _ = _entries[i]?.EventMessage;
        }
    }

    /// <summary>
    /// Empties the batch for reuse (a text buffer grown past twice the limit is given up). The fields are overwritten,
    /// not cleared: they hold only strings the reader caches for the whole read, and backtraces.
    /// </summary>
    public void Clear()
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
        _textUsed = 0;
        if (_text.Length > 2 * TextLimit)
        {
            _text = new char[TextLimit / 4];
        }
    }

    private void EnsureText(int length)
    {
        if (_text.Length - _textUsed >= length)
        {
            return;
        }

        var grown = new char[Math.Max(_textUsed + length, _text.Length * 2)];
        _text.AsSpan(0, _textUsed).CopyTo(grown);
        _text = grown;
    }
}
