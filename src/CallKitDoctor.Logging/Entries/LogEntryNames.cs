namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// Converts the entry model's enums to and from the names Apple's <c>log</c> tool prints.
/// </summary>
public static class LogEntryNames
{
    /// <summary>The <c>messageType</c> value <c>log show --style ndjson</c> prints.</summary>
    public static string ToNdjsonName(this LogLevel level) => level switch
    {
        LogLevel.Default => "Default",
        LogLevel.Info => "Info",
        LogLevel.Debug => "Debug",
        LogLevel.Error => "Error",
        LogLevel.Fault => "Fault",
        _ => "",
    };

    /// <summary>The lower-case level word of the default <c>log show</c> style and Console.app (<c>default</c>, <c>error</c>…).</summary>
    public static string ToDisplayName(this LogLevel level) => level switch
    {
        LogLevel.Default => "default",
        LogLevel.Info => "info",
        LogLevel.Debug => "debug",
        LogLevel.Error => "error",
        LogLevel.Fault => "fault",
        _ => "",
    };

    /// <summary>The <c>eventType</c> value <c>log show --style ndjson</c> prints.</summary>
    public static string ToNdjsonName(this LogEventType type) => type switch
    {
        LogEventType.LogEvent => "logEvent",
        LogEventType.ActivityCreateEvent => "activityCreateEvent",
        LogEventType.ActivityTransitionEvent => "activityTransitionEvent",
        LogEventType.UserActionEvent => "userActionEvent",
        LogEventType.TraceEvent => "traceEvent",
        LogEventType.SignpostEvent => "signpostEvent",
        LogEventType.StateEvent => "stateEvent",
        LogEventType.LossEvent => "lossEvent",
        LogEventType.TimesyncEvent => "timesyncEvent",
        _ => "",
    };

    /// <summary>Parses an ndjson <c>messageType</c> (any case); unknown words give <see cref="LogLevel.Unknown"/>.</summary>
    public static LogLevel ParseLevel(ReadOnlySpan<char> name)
    {
        if (name.Equals("default", StringComparison.OrdinalIgnoreCase)) return LogLevel.Default;
        if (name.Equals("info", StringComparison.OrdinalIgnoreCase)) return LogLevel.Info;
        if (name.Equals("debug", StringComparison.OrdinalIgnoreCase)) return LogLevel.Debug;
        if (name.Equals("error", StringComparison.OrdinalIgnoreCase)) return LogLevel.Error;
        if (name.Equals("fault", StringComparison.OrdinalIgnoreCase)) return LogLevel.Fault;
        return LogLevel.Unknown;
    }

    /// <summary>Parses an ndjson <c>eventType</c>; unknown words give <see cref="LogEventType.Unknown"/>.</summary>
    public static LogEventType ParseEventType(ReadOnlySpan<char> name) => name switch
    {
        "logEvent" => LogEventType.LogEvent,
        "activityCreateEvent" => LogEventType.ActivityCreateEvent,
        "activityTransitionEvent" => LogEventType.ActivityTransitionEvent,
        "userActionEvent" => LogEventType.UserActionEvent,
        "traceEvent" => LogEventType.TraceEvent,
        "signpostEvent" => LogEventType.SignpostEvent,
        "stateEvent" => LogEventType.StateEvent,
        "lossEvent" => LogEventType.LossEvent,
        "timesyncEvent" => LogEventType.TimesyncEvent,
        _ => LogEventType.Unknown,
    };
}
