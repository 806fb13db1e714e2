namespace CallKitDoctor.Scenarios.Tracev3;

/// <summary>
/// One log tracepoint to write: its process and thread, Mach continuous time, level (log type byte), where its format
/// string lives (an offset in the main executable's uuidtext or in the shared cache), the sender program counter, the
/// subsystem identifier (0 for none) and the arguments.
/// </summary>
public sealed record TraceRecord
{
    public required TraceProcess Process { get; init; }

    public required ulong ThreadId { get; init; }

    public required ulong MachTime { get; init; }

    /// <summary>0x00 default, 0x01 info, 0x02 debug, 0x10 error, 0x11 fault.</summary>
    public byte LogType { get; init; }

    /// <summary>Image offset (main executable) or shared-cache offset (below 2^31) of the format string.</summary>
    public required uint FormatOffset { get; init; }

    /// <summary>True when the format string is in the shared cache (dsc), false for the main executable (uuidtext).</summary>
    public bool FromSharedCache { get; init; }

    /// <summary>The sender's program counter: an image offset, or a shared-cache offset inside the sender image's text.</summary>
    public required uint ProgramCounter { get; init; }

    /// <summary>The catalog subsystem identifier (0: none).</summary>
    public ushort SubsystemId { get; init; }

    public IReadOnlyList<TraceArgument> Arguments { get; init; } = [];
}
