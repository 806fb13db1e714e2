using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Time;

/// <summary>
/// An entry shown in another time zone (<c>--timezone</c>): the same fields with the timestamp converted by a
/// <see cref="DisplayTimeZone"/>. The message is taken from the original entry on first use, so a binary entry's
/// message is still formatted lazily (or not at all).
/// </summary>
public sealed class ZonedLogEntry : LogEntry
{
    private readonly LogEntry _original;

    private ZonedLogEntry(LogEntry original, LogTimestamp? timestamp)
    {
        _original = original;
        Timestamp = timestamp;
        Process = original.Process;
        ProcessImagePath = original.ProcessImagePath;
        ProcessId = original.ProcessId;
        ThreadId = original.ThreadId;
        Sender = original.Sender;
        SenderImagePath = original.SenderImagePath;
        Subsystem = original.Subsystem;
        Category = original.Category;
        Level = original.Level;
        EventType = original.EventType;
        FormatString = original.FormatString;
        SourceLocation = original.SourceLocation;
        ActivityIdentifier = original.ActivityIdentifier;
        ParentActivityIdentifier = original.ParentActivityIdentifier;
        TraceId = original.TraceId;
        MachTimestamp = original.MachTimestamp;
        SenderProgramCounter = original.SenderProgramCounter;
        BootUuid = original.BootUuid;
        ProcessImageUuid = original.ProcessImageUuid;
        SenderImageUuid = original.SenderImageUuid;
        TimeZoneName = original.TimeZoneName;
        Location = original.Location;
        RawText = original.RawText;
    }

    /// <summary>The entry as read.</summary>
    public LogEntry Original => _original;

    /// <summary>
    /// The entry with its timestamp shown in <paramref name="zone"/>; the entry itself when its time cannot be placed
    /// (no timestamp, no date or no offset) and so would print the same.
    /// </summary>
    public static LogEntry Shift(LogEntry entry, DisplayTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(zone);
        if (entry.Timestamp is not { Instant: not null } timestamp)
        {
            return entry;
        }

        var shown = zone.Convert(timestamp);
        return shown == timestamp ? entry : new ZonedLogEntry(entry, shown);
    }

    protected override string FormatMessage() => _original.EventMessage;
}
