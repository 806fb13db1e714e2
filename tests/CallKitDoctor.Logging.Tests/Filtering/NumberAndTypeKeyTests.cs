using CallKitDoctor.Logging.Entries;
using static CallKitDoctor.Logging.Tests.Filtering.PredicateTesting;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>The integer keys (decimal, hex, octal, binary literals) and the <c>messageType</c>/<c>eventType</c> type literals.</summary>
public class NumberAndTypeKeyTests
{
    [Theory]
    // processIdentifier = 84
    [InlineData("processIdentifier == 84", true)]
    [InlineData("processIdentifier = 0x54", true)]
    [InlineData("processIdentifier == 0X54", true)]
    [InlineData("processIdentifier == 0o124", true)]
    [InlineData("processIdentifier == 0b1010100", true)]
    [InlineData("processIdentifier == 85", false)]
    [InlineData("processIdentifier != 85", true)]
    [InlineData("processIdentifier <> 84", false)]
    [InlineData("processIdentifier < 85", true)]
    [InlineData("processIdentifier < 84", false)]
    [InlineData("processIdentifier <= 84", true)]
    [InlineData("processIdentifier > 83", true)]
    [InlineData("processIdentifier > 84", false)]
    [InlineData("processIdentifier >= 84", true)]
    [InlineData("processIdentifier >= -1", true)]
    [InlineData("processIdentifier IN {1, 2, 84}", true)]
    [InlineData("processIdentifier IN {1, 2}", false)]
    [InlineData("processIdentifier IN {}", false)]
    // threadIdentifier = 0x1a2b
    [InlineData("threadIdentifier == 0x1a2b", true)]
    [InlineData("threadIdentifier == 6699", true)]
    [InlineData("threadIdentifier > 0x1a2a", true)]
    [InlineData("threadIdentifier != 0x1A2B", false)]
    [InlineData("threadIdentifier IN {0x1a2b}", true)]
    // activityIdentifier = 0x5e1f
    [InlineData("activityIdentifier == 24095", true)]
    [InlineData("activityIdentifier == 0x5E1F", true)]
    [InlineData("activityIdentifier < 0x5e1f", false)]
    [InlineData("activityIdentifier <= 0x5e1f", true)]
    [InlineData("activityIdentifier >= 18446744073709551615", false)]
    // messageType = error (16)
    [InlineData("messageType == error", true)]
    [InlineData("messageType == ERROR", true)]
    [InlineData("messageType == \"error\"", true)]
    [InlineData("messageType == 16", true)]
    [InlineData("logType == error", true)]
    [InlineData("messageType == fault", false)]
    [InlineData("messageType != default", true)]
    [InlineData("messageType == release", false)]
    [InlineData("messageType >= error", true)]
    [InlineData("messageType > error", false)]
    [InlineData("messageType >= fault", false)]
    [InlineData("messageType < fault", true)]
    [InlineData("messageType > debug", true)]
    [InlineData("messageType <= info", false)]
    [InlineData("messageType IN {fault, error}", true)]
    [InlineData("messageType IN {info, debug}", false)]
    // eventType = logEvent (1024)
    [InlineData("eventType == logEvent", true)]
    [InlineData("eventType == 1024", true)]
    [InlineData("eventType == \"logEvent\"", true)]
    [InlineData("eventType == signpostEvent", false)]
    [InlineData("eventType != activityCreateEvent", true)]
    [InlineData("eventType <> logEvent", false)]
    [InlineData("eventType IN {traceEvent, logEvent}", true)]
    [InlineData("eventType IN {768, 513}", false)]
    public void NumberAndTypeKeys(string predicate, bool expected) =>
        Assert.Equal(expected, Eval(predicate, SampleEntries.CallKitError()));

    [Theory]
    [InlineData(LogLevel.Default, "messageType == default", true)]
    [InlineData(LogLevel.Default, "messageType == release", true)]
    [InlineData(LogLevel.Default, "messageType == 0", true)]
    [InlineData(LogLevel.Info, "messageType == 1", true)]
    [InlineData(LogLevel.Info, "messageType < debug", true)]
    [InlineData(LogLevel.Debug, "messageType == 2", true)]
    [InlineData(LogLevel.Debug, "messageType >= error", false)]
    [InlineData(LogLevel.Fault, "messageType == 17", true)]
    [InlineData(LogLevel.Fault, "messageType >= error", true)]
    [InlineData(LogLevel.Unknown, "messageType >= default", false)]
    [InlineData(LogLevel.Unknown, "messageType != error", true)]
    public void MessageTypesOrderByLevel(LogLevel level, string predicate, bool expected) =>
        Assert.Equal(expected, Eval(predicate, new LogEntry("x") { Level = level }));

    [Theory]
    [InlineData(LogEventType.ActivityCreateEvent, "eventType == 513")]
    [InlineData(LogEventType.ActivityTransitionEvent, "eventType == 514")]
    [InlineData(LogEventType.TraceEvent, "eventType == 768")]
    [InlineData(LogEventType.LogEvent, "eventType == 1024")]
    [InlineData(LogEventType.SignpostEvent, "eventType == signpostEvent")]
    [InlineData(LogEventType.StateEvent, "eventType == stateEvent")]
    [InlineData(LogEventType.TimesyncEvent, "eventType == timesyncEvent")]
    [InlineData(LogEventType.LossEvent, "eventType == lossevent")]
    [InlineData(LogEventType.UserActionEvent, "eventType == userActionEvent")]
    public void EventTypeLiteralsAndCodes(LogEventType type, string predicate)
    {
        Assert.True(Eval(predicate, new LogEntry("x") { EventType = type }));
        Assert.False(Eval(predicate, new LogEntry("x") { EventType = type == LogEventType.LogEvent ? LogEventType.TraceEvent : LogEventType.LogEvent }));
    }

    [Fact]
    public void MissingNumbersAreUnequalToEverything()
    {
        var entry = new LogEntry("x");
        Assert.False(Eval("processIdentifier == 0", entry));
        Assert.False(Eval("processIdentifier < 100", entry));
        Assert.True(Eval("processIdentifier != 0", entry));
        Assert.False(Eval("eventType == logEvent", entry));
    }

    [Theory]
    [InlineData("processIdentifier == TRUE", 1)]
    [InlineData("processIdentifier == YES", 1)]
    [InlineData("processIdentifier == FALSE", 0)]
    [InlineData("processIdentifier == no", 0)]
    public void BooleanLiteralsReadAsOneAndZero(string predicate, int pid) =>
        Assert.True(Eval(predicate, new LogEntry("x") { ProcessId = pid }));
}
