namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>What a <see cref="TraceEvent"/> is: a firehose tracepoint of a record type, or a dump chunk.</summary>
public enum TraceEventKind : byte
{
    Unknown = 0,

    /// <summary>Firehose record type 0x02 (activity create / user action).</summary>
    Activity = 2,

    /// <summary>Firehose record type 0x03.</summary>
    Trace = 3,

    /// <summary>Firehose record type 0x04 (os_log).</summary>
    Log = 4,

    /// <summary>Firehose record type 0x06.</summary>
    Signpost = 6,

    /// <summary>Firehose record type 0x07 (messages lost).</summary>
    Loss = 7,

    /// <summary>A statedump chunk (0x6003).</summary>
    StateDump = 0x10,

    /// <summary>A simpledump chunk (0x6004).</summary>
    SimpleDump = 0x11,
}
