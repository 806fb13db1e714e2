namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// The unified-log message type, named as <c>log show --style ndjson</c> writes <c>messageType</c>.
/// </summary>
public enum LogLevel : byte
{
    /// <summary>The line carried no level (an Xcode console line, a bare print, a Console copy without the Type column).</summary>
    Unknown = 0,
    Default,
    Info,
    Debug,
    Error,
    Fault,
}
