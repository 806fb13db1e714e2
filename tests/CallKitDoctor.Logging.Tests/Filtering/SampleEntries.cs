using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>Entries the filtering tests evaluate predicates against.</summary>
internal static class SampleEntries
{
    public static readonly Guid Boot = Guid.Parse("5d3c0a6e-8b1f-4a7e-9c2d-1f0e3b4a5c6d");

    /// <summary>A callservicesd CallKit error with every field set (the message holds a diacritic).</summary>
    public static LogEntry CallKitError() => new("Activated audio session for Café call 42")
    {
        Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 39), TimeSpan.FromHours(11)),
        ProcessImagePath = "/System/Library/PrivateFrameworks/TelephonyUtilities.framework/callservicesd",
        ProcessId = 84,
        ThreadId = 0x1a2b,
        Sender = "CallKit",
        SenderImagePath = "/System/Library/Frameworks/CallKit.framework/CallKit",
        Subsystem = "com.apple.calls.callkit",
        Category = "Default",
        FormatString = "Activated audio session for %{public}@ call %d",
        Level = LogLevel.Error,
        EventType = LogEventType.LogEvent,
        ActivityIdentifier = 0x5e1f,
        BootUuid = Boot,
    };

    /// <summary>The value each text key reads from <see cref="CallKitError"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> TextValues = new Dictionary<string, string>
    {
        ["process"] = "callservicesd",
        ["processImagePath"] = "/System/Library/PrivateFrameworks/TelephonyUtilities.framework/callservicesd",
        ["sender"] = "CallKit",
        ["senderImagePath"] = "/System/Library/Frameworks/CallKit.framework/CallKit",
        ["subsystem"] = "com.apple.calls.callkit",
        ["category"] = "Default",
        ["eventMessage"] = "Activated audio session for Café call 42",
        ["composedMessage"] = "Activated audio session for Café call 42",
        ["formatString"] = "Activated audio session for %{public}@ call %d",
        ["bootUUID"] = "5D3C0A6E-8B1F-4A7E-9C2D-1F0E3B4A5C6D",
    };

    /// <summary>An entry whose message counts how often it was formatted.</summary>
    public sealed class Lazy : LogEntry
    {
        public int FormatCount { get; private set; }

        protected override string FormatMessage()
        {
            FormatCount++;
            return "setActive failed with 561017449";
        }
    }
}
