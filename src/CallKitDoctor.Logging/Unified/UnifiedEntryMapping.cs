using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Unified;

/// <summary>Maps tracev3 record and log types to the entry model's <c>eventType</c> and <c>messageType</c>.</summary>
public static class UnifiedEntryMapping
{
    /// <summary>The <c>eventType</c> of an event.</summary>
    public static LogEventType ToEventType(in TraceEvent e) => e.Kind switch
    {
        TraceEventKind.Log => LogEventType.LogEvent,
        TraceEventKind.Activity => e.LogType == 0x03 ? LogEventType.UserActionEvent : LogEventType.ActivityCreateEvent,
        TraceEventKind.Trace => LogEventType.TraceEvent,
        TraceEventKind.Signpost => LogEventType.SignpostEvent,
        TraceEventKind.Loss => LogEventType.LossEvent,
        TraceEventKind.StateDump or TraceEventKind.SimpleDump => LogEventType.StateEvent,
        _ => LogEventType.Unknown,
    };

    /// <summary>The <c>messageType</c> of a log or trace event (Unknown for other kinds, as <c>log</c> leaves it empty).</summary>
    public static LogLevel ToLevel(in TraceEvent e) => e.Kind is TraceEventKind.Log or TraceEventKind.Trace
        ? e.LogType switch
        {
            0x00 => LogLevel.Default,
            0x01 => LogLevel.Info,
            0x02 => LogLevel.Debug,
            0x10 => LogLevel.Error,
            0x11 => LogLevel.Fault,
            _ => LogLevel.Default,
        }
        : LogLevel.Unknown;
}
