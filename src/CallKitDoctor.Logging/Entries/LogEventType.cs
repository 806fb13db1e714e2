namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// The kind of unified-log event, named as <c>log show --style ndjson</c> writes <c>eventType</c>.
/// </summary>
public enum LogEventType : byte
{
    /// <summary>Not stated by the input (most text captures).</summary>
    Unknown = 0,
    LogEvent,
    ActivityCreateEvent,
    ActivityTransitionEvent,
    UserActionEvent,
    TraceEvent,
    SignpostEvent,
    StateEvent,
    LossEvent,
    TimesyncEvent,
}
