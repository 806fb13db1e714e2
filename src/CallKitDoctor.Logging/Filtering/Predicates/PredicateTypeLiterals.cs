using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// The <c>type</c> literals of <c>messageType</c> and <c>eventType</c> and the numeric codes <c>log</c> gives them
/// (<c>default</c>/<c>release</c> 0, <c>info</c> 1, <c>debug</c> 2, <c>error</c> 16, <c>fault</c> 17;
/// <c>activityCreateEvent</c> 513, <c>activityTransitionEvent</c> 514, <c>userActionEvent</c> 515, <c>traceEvent</c> 768,
/// <c>logEvent</c> 1024, <c>signpostEvent</c> 1536). Event types without a documented code get codes above 0x10000 so that
/// they compare by name but never equal a number a user types.
/// </summary>
public static class PredicateTypeLiterals
{
    private const int UndocumentedBase = 0x10000;

    /// <summary>The message-type code of a level (null for <see cref="LogLevel.Unknown"/>).</summary>
    public static int? CodeOf(LogLevel level) => level switch
    {
        LogLevel.Default => 0,
        LogLevel.Info => 1,
        LogLevel.Debug => 2,
        LogLevel.Error => 16,
        LogLevel.Fault => 17,
        _ => null,
    };

    /// <summary>The event-type code of an event type (null for <see cref="LogEventType.Unknown"/>).</summary>
    public static int? CodeOf(LogEventType type) => type switch
    {
        LogEventType.ActivityCreateEvent => 513,
        LogEventType.ActivityTransitionEvent => 514,
        LogEventType.UserActionEvent => 515,
        LogEventType.TraceEvent => 768,
        LogEventType.LogEvent => 1024,
        LogEventType.SignpostEvent => 1536,
        LogEventType.Unknown => null,
        _ => UndocumentedBase + (int)type,
    };

    /// <summary>Reads a message-type name (<c>default</c>, <c>release</c>, <c>info</c>, <c>debug</c>, <c>error</c>, <c>fault</c>; any case).</summary>
    public static bool TryParseMessageType(ReadOnlySpan<char> name, out int code)
    {
        if (name.Equals("release", StringComparison.OrdinalIgnoreCase))
        {
            code = 0;
            return true;
        }

        var level = LogEntryNames.ParseLevel(name);
        code = CodeOf(level) ?? -1;
        return level != LogLevel.Unknown;
    }

    /// <summary>Reads an event-type name (<c>logEvent</c>, <c>signpostEvent</c>…; any case).</summary>
    public static bool TryParseEventType(ReadOnlySpan<char> name, out int code)
    {
        for (var type = LogEventType.LogEvent; type <= LogEventType.TimesyncEvent; type++)
        {
            if (name.Equals(type.ToNdjsonName(), StringComparison.OrdinalIgnoreCase))
            {
                code = CodeOf(type)!.Value;
                return true;
            }
        }

        code = -1;
        return false;
    }
}
