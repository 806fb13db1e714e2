using System.Runtime.CompilerServices;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Collects the lines of one text entry (its first line and any continuation lines) in reused buffers and builds the
/// <see cref="LogEntry"/> once the entry is complete; only the entry's own strings are allocated.
/// </summary>
internal sealed class TextEntryBuilder
{
    /// <summary>Largest message kept for one entry; continuation lines beyond it are counted but not copied.</summary>
    public const int MaxEntryChars = 4 * 1024 * 1024;

    private readonly StringPool _pool;
    private readonly TimeOfDayRollover _clock = new();
    private char[] _message = new char[1024];
    private char[] _raw = new char[1024];
    private int _messageLength;
    private int _rawLength;
    private int _lastLineStart;
    private int _messageStartInRaw;
    private bool _messageIsRawTail;

    private LogTimestamp? _timestamp;
    private string? _process;
    private string? _sender;
    private string? _subsystem;
    private string? _category;
    private int? _processId;
    private long? _threadId;
    private ulong? _activityId;
    private LogLevel _level;
    private LogEventType _eventType;

    public TextEntryBuilder(StringPool pool) => _pool = pool;

    /// <summary>True while an entry is being collected.</summary>
    public bool HasEntry { get; private set; }

    /// <summary>True when the current entry was cut because it grew past <see cref="MaxEntryChars"/>.</summary>
    public bool WasCut { get; private set; }

    /// <summary>First input line of the entry.</summary>
    public long FirstLine { get; private set; }

    /// <summary>Last input line of the entry.</summary>
    public long LastLine { get; private set; }

    /// <summary>The last line added so far.</summary>
    public ReadOnlySpan<char> PreviousLine => _raw.AsSpan(_lastLineStart, _rawLength - _lastLineStart);

    /// <summary>Starts an entry from a recognised first line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Start(ReadOnlySpan<char> line, long lineNumber, scoped ref LineFields fields)
    {
        Reset(lineNumber);
        _timestamp = fields.HasTime ? _clock.Resolve(fields.Time) : null;
        _process = _pool.GetOrNull(fields.Process);
        _sender = _pool.GetOrNull(fields.Sender);
        _subsystem = _pool.GetOrNull(fields.Subsystem);
        _category = _pool.GetOrNull(fields.Category);
        _processId = fields.ProcessId;
        _threadId = fields.ThreadId;
        _activityId = fields.ActivityId;
        _level = fields.Level;
        _eventType = fields.EventType;
        Append(ref _raw, ref _rawLength, line);
        Append(ref _message, ref _messageLength, fields.Message);
        if (fields.Message.IsEmpty)
        {
            _messageStartInRaw = line.Length;
            _messageIsRawTail = true;
        }
        else
        {
            _messageIsRawTail = line.Overlaps(fields.Message, out var offset) && offset + fields.Message.Length == line.Length;
            _messageStartInRaw = _messageIsRawTail ? offset : 0;
        }
    }

    /// <summary>Starts an entry that is only a message (a bare line).</summary>
    public void StartBare(ReadOnlySpan<char> line, long lineNumber)
    {
        LineFields none = default;
        none.Message = line;
        Start(line, lineNumber, ref none);
    }

    /// <summary>Adds a continuation line (joined to the message with '\n').</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendLine(ReadOnlySpan<char> line, long lineNumber)
    {
        LastLine = lineNumber;
        if (_rawLength + line.Length + 1 > MaxEntryChars)
        {
            WasCut = true;
            return;
        }

        _lastLineStart = _rawLength + 1;
        Append(ref _raw, ref _rawLength, "\n");
        Append(ref _raw, ref _rawLength, line);
        Append(ref _message, ref _messageLength, "\n");
        Append(ref _message, ref _messageLength, line);
    }

    /// <summary>
    /// Builds the entry and forgets it. When <paramref name="screen"/> turns the entry down, only the fields read before
    /// the message are kept (a screened-out entry): no raw text, message or source location is built.
    /// </summary>
    public LogEntry Build(string sourceName, IEntryScreen? screen = null) => Build(sourceName, screen, skip: false).Entry!;

    /// <summary>
    /// Builds the entry and forgets it. When <paramref name="screen"/> turns the entry down, it is a screened-out entry,
    /// or with <paramref name="skip"/> no entry at all: only its time, process and place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadItem Build(string sourceName, IEntryScreen? screen, bool skip)
    {
        HasEntry = false;
        var messageSpan = _message.AsSpan(0, _messageLength);
        var location = InputLocation.Lines(sourceName, FirstLine, LastLine);
        if (screen is not null && !screen.Wants(new EntryPreview
        {
            Process = _process,
            Subsystem = _subsystem,
            Category = _category,
            Level = _level,
            Message = messageSpan,
        }))
        {
            return skip ? new ReadItem(_timestamp, _process, location) : new ReadItem(new LogEntry
            {
                Timestamp = _timestamp,
                Process = _process,
                ProcessId = _processId,
                ThreadId = _threadId,
                Sender = _sender,
                Subsystem = _subsystem,
                Category = _category,
                Level = _level,
                EventType = _eventType,
                ActivityIdentifier = _activityId,
                Location = location,
                IsScreenedOut = true,
            });
        }

        var raw = new string(_raw, 0, _rawLength);
        var separateMessage = _messageIsRawTail ? null : messageSpan.ToString();
        return new ReadItem(new TextLogEntry(raw, _messageStartInRaw, separateMessage)
        {
            Timestamp = _timestamp,
            Process = _process,
            ProcessId = _processId,
            ThreadId = _threadId,
            Sender = _sender,
            Subsystem = _subsystem,
            Category = _category,
            Level = _level,
            EventType = _eventType,
            ActivityIdentifier = _activityId,
            SourceLocation = SourceLocationScanner.Find(messageSpan, _pool),
            Location = location,
            RawText = raw,
        });
    }

    private void Reset(long lineNumber)
    {
        HasEntry = true;
        WasCut = false;
        FirstLine = lineNumber;
        LastLine = lineNumber;
        _messageLength = 0;
        _rawLength = 0;
        _lastLineStart = 0;
    }

    private static void Append(ref char[] buffer, ref int length, ReadOnlySpan<char> text)
    {
        if (length + text.Length > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + text.Length));
        }

        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }
}
