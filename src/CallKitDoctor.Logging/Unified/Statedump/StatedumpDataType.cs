namespace CallKitDoctor.Logging.Unified.Statedump;

/// <summary>What a statedump chunk's data holds.</summary>
public enum StatedumpDataType : uint
{
    /// <summary>A property list (binary <c>bplist00</c>, or XML).</summary>
    Plist = 1,

    /// <summary>Protocol buffer bytes (no schema in the log).</summary>
    Protobuf = 2,

    /// <summary>A custom object decoded by <c>library:type</c> (e.g. <c>location:_CLLocationManagerStateTrackerState</c>).</summary>
    Object = 3,
}
