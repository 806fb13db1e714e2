namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// One unified-log entry, whatever it was read from: a <c>log show</c> export, a Console.app copy, an Xcode console,
/// a crash-report text, or (through the binary reader) a tracev3 file. Property names follow
/// <c>log show --style ndjson</c> (<c>eventMessage</c>, <c>formatString</c>, <c>processImagePath</c>, <c>messageType</c>…).
/// Fields a capture does not show are null (or <see cref="LogLevel.Unknown"/> / <see cref="LogEventType.Unknown"/>).
/// </summary>
/// <remarks>
/// Readers that can defer message formatting (binary logs) derive from this type and override
/// <see cref="FormatMessage"/>; the message is then built the first time somebody reads <see cref="EventMessage"/>.
/// </remarks>
public class LogEntry
{
    private string? _eventMessage;
    private string? _process;

    // The fields only some inputs carry (binary logs, ndjson exports) live in a side object, allocated when the first
    // of them is set to a value: entries read from text, most of them screened out, stay about half the size.
    private LogEntryDetails? _details;

    public LogEntry()
    {
    }

    public LogEntry(string eventMessage) => _eventMessage = eventMessage;

    /// <summary>When the entry was logged (null when the line carried no time).</summary>
    public LogTimestamp? Timestamp { get; init; }

    /// <summary>The process name as printed (<c>callservicesd</c>, <c>MyApp</c>). Derived from <see cref="ProcessImagePath"/> when not set.</summary>
    public string? Process
    {
        get => _process ?? LastPathComponent(ProcessImagePath);
        init => _process = value;
    }

    /// <summary><c>processImagePath</c>: the full path of the process executable, when known.</summary>
    public string? ProcessImagePath
    {
        get => _details?.ProcessImagePath;
        init
        {
            if (value is not null)
            {
                Details.ProcessImagePath = value;
            }
        }
    }

    /// <summary><c>processID</c>.</summary>
    public int? ProcessId { get; init; }

    /// <summary><c>threadID</c>.</summary>
    public long? ThreadId { get; init; }

    /// <summary>The library that logged, as printed in parentheses (<c>CallKit</c>, <c>AudioSession</c>), or derived from <see cref="SenderImagePath"/>.</summary>
    public string? Sender { get; init; }

    /// <summary><c>senderImagePath</c>.</summary>
    public string? SenderImagePath
    {
        get => _details?.SenderImagePath;
        init
        {
            if (value is not null)
            {
                Details.SenderImagePath = value;
            }
        }
    }

    /// <summary><c>subsystem</c> (<c>com.apple.calls.callkit</c>).</summary>
    public string? Subsystem { get; init; }

    /// <summary><c>category</c> (<c>Default</c>, <c>as_client</c>).</summary>
    public string? Category { get; init; }

    /// <summary><c>messageType</c>.</summary>
    public LogLevel Level { get; init; }

    /// <summary><c>eventType</c>.</summary>
    public LogEventType EventType { get; init; }

    /// <summary><c>formatString</c>: the os_log format string when the input carries it (ndjson/json exports, binary logs).</summary>
    public string? FormatString { get; init; }

    /// <summary><c>eventMessage</c>: the rendered message (multi-line messages joined with '\n').</summary>
    public string EventMessage
    {
        get => _eventMessage ??= FormatMessage();
        init => _eventMessage = value;
    }

    /// <summary>The source file and line the message names, when it names one.</summary>
    public SourceLocation? SourceLocation { get; init; }

    /// <summary><c>activityIdentifier</c>.</summary>
    public ulong? ActivityIdentifier { get; init; }

    /// <summary><c>parentActivityIdentifier</c>.</summary>
    public ulong? ParentActivityIdentifier
    {
        get => _details?.ParentActivityIdentifier;
        init
        {
            if (value is not null)
            {
                Details.ParentActivityIdentifier = value;
            }
        }
    }

    /// <summary><c>traceID</c>.</summary>
    public ulong? TraceId
    {
        get => _details?.TraceId;
        init
        {
            if (value is not null)
            {
                Details.TraceId = value;
            }
        }
    }

    /// <summary><c>machTimestamp</c>.</summary>
    public ulong? MachTimestamp
    {
        get => _details?.MachTimestamp;
        init
        {
            if (value is not null)
            {
                Details.MachTimestamp = value;
            }
        }
    }

    /// <summary><c>senderProgramCounter</c>.</summary>
    public ulong? SenderProgramCounter
    {
        get => _details?.SenderProgramCounter;
        init
        {
            if (value is not null)
            {
                Details.SenderProgramCounter = value;
            }
        }
    }

    /// <summary><c>bootUUID</c>.</summary>
    public Guid? BootUuid
    {
        get => _details?.BootUuid;
        init
        {
            if (value is not null)
            {
                Details.BootUuid = value;
            }
        }
    }

    /// <summary><c>processImageUUID</c>.</summary>
    public Guid? ProcessImageUuid
    {
        get => _details?.ProcessImageUuid;
        init
        {
            if (value is not null)
            {
                Details.ProcessImageUuid = value;
            }
        }
    }

    /// <summary><c>senderImageUUID</c>.</summary>
    public Guid? SenderImageUuid
    {
        get => _details?.SenderImageUuid;
        init
        {
            if (value is not null)
            {
                Details.SenderImageUuid = value;
            }
        }
    }

    /// <summary>
    /// <c>backtrace.frames</c> when the entry carries its own backtrace (binary entries whose tracepoint has the
    /// backtrace flag); null otherwise, and writers then show the sender image and program counter as the one frame.
    /// </summary>
    public IReadOnlyList<BacktraceFrame>? Backtrace
    {
        get => _details?.Backtrace;
        init
        {
            if (value is not null)
            {
                Details.Backtrace = value;
            }
        }
    }

    /// <summary><c>timezoneName</c>.</summary>
    public string? TimeZoneName
    {
        get => _details?.TimeZoneName;
        init
        {
            if (value is not null)
            {
                Details.TimeZoneName = value;
            }
        }
    }

    /// <summary>Where the entry came from (file and line range, or file and byte offset).</summary>
    public InputLocation Location { get; init; }

    /// <summary>The exact input text of the entry (all its lines, joined with '\n'); for binary entries, null.</summary>
    public string? RawText { get; init; }

    /// <summary>
    /// True for an entry a reader yielded without its message, raw text and source location because the consumer's
    /// <see cref="Reading.IEntryScreen"/> said it had no use for them (<see cref="Reading.IScreenedEntrySource"/>): only
    /// the fields read before the message are set, and <see cref="EventMessage"/> is empty.
    /// </summary>
    public bool IsScreenedOut { get; init; }

    private LogEntryDetails Details => _details ??= new LogEntryDetails();

    /// <summary>Builds the message on first use; the base type has nothing to format.</summary>
    protected virtual string FormatMessage() => string.Empty;

    /// <summary>True once <see cref="EventMessage"/> has been built (lets tests check laziness).</summary>
    public bool IsMessageFormatted => _eventMessage is not null;

    public override string ToString() =>
        RawText ?? $"{Timestamp} {Process}: {(Subsystem is null ? "" : $"[{Subsystem}:{Category}] ")}{EventMessage}";

    private static string? LastPathComponent(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}
