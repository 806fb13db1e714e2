using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// The fields of an entry that the writers print, except its message, as a plain value: what a reader fills in for
/// each event without building a <see cref="LogEntry"/> (the unified reader's direct path), and what
/// <see cref="From"/> copies out of an entry, so both paths go through the same writing code. Members mirror the
/// <see cref="LogEntry"/> properties of the same names (null: not known).
/// </summary>
public struct EntryFields
{
    public LogTimestamp? Timestamp;
    public string? ProcessImagePath;
    public int? ProcessId;
    public long? ThreadId;
    public string? SenderImagePath;
    public string? Subsystem;
    public string? Category;
    public LogLevel Level;
    public LogEventType EventType;
    public string? FormatString;
    public ulong? ActivityIdentifier;
    public ulong? ParentActivityIdentifier;
    public ulong? TraceId;
    public ulong? MachTimestamp;
    public ulong? SenderProgramCounter;
    public Guid? BootUuid;
    public Guid? ProcessImageUuid;
    public Guid? SenderImageUuid;
    public IReadOnlyList<BacktraceFrame>? Backtrace;
    public string? TimeZoneName;

    /// <summary>The printed fields of <paramref name="entry"/>.</summary>
    public static EntryFields From(LogEntry entry) => new()
    {
        Timestamp = entry.Timestamp,
        ProcessImagePath = entry.ProcessImagePath,
        ProcessId = entry.ProcessId,
        ThreadId = entry.ThreadId,
        SenderImagePath = entry.SenderImagePath,
        Subsystem = entry.Subsystem,
        Category = entry.Category,
        Level = entry.Level,
        EventType = entry.EventType,
        FormatString = entry.FormatString,
        ActivityIdentifier = entry.ActivityIdentifier,
        ParentActivityIdentifier = entry.ParentActivityIdentifier,
        TraceId = entry.TraceId,
        MachTimestamp = entry.MachTimestamp,
        SenderProgramCounter = entry.SenderProgramCounter,
        BootUuid = entry.BootUuid,
        ProcessImageUuid = entry.ProcessImageUuid,
        SenderImageUuid = entry.SenderImageUuid,
        Backtrace = entry.Backtrace,
        TimeZoneName = entry.TimeZoneName,
    };
}
