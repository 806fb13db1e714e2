namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// The fields of a <see cref="LogEntry"/> that only some inputs carry (image paths and UUIDs, trace and activity
/// parents, mach time, program counter, backtrace, time zone), kept apart so that entries without them stay small.
/// </summary>
internal sealed class LogEntryDetails
{
    public string? ProcessImagePath { get; set; }

    public string? SenderImagePath { get; set; }

    public ulong? ParentActivityIdentifier { get; set; }

    public ulong? TraceId { get; set; }

    public ulong? MachTimestamp { get; set; }

    public ulong? SenderProgramCounter { get; set; }

    public Guid? BootUuid { get; set; }

    public Guid? ProcessImageUuid { get; set; }

    public Guid? SenderImageUuid { get; set; }

    public IReadOnlyList<BacktraceFrame>? Backtrace { get; set; }

    public string? TimeZoneName { get; set; }
}
