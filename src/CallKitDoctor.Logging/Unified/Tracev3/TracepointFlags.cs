namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>Flags of a firehose tracepoint.</summary>
[Flags]
public enum TracepointFlags : ushort
{
    None = 0,
    HasCurrentActivityId = 0x0001,

    /// <summary>Mask of the <see cref="StringsFileType"/> bits.</summary>
    StringsFileTypeMask = 0x000E,
    HasUniquePid = 0x0010,
    HasLargeOffset = 0x0020,
    HasPrivateData = 0x0100,

    /// <summary>Has subsystem (log, signpost) or has other activity id (activity).</summary>
    HasSubsystemOrOtherActivityId = 0x0200,
    HasRules = 0x0400,
    HasDataReference = 0x0800,
    HasBacktrace = 0x1000,
    HasName = 0x8000,
}
