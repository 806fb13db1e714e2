using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Predicates;
using CallKitDoctor.Logging.Filtering.Time;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary><see cref="FilteredEntrySource"/>, <see cref="ZonedLogEntry"/> and <see cref="LogEnd"/>.</summary>
public class FilteredEntrySourceTests
{
    private const string Log =
        "2025-10-23 16:00:39.916170+1100 0x1a2b3    Default     0x0                  123    0    callservicesd: (CallKit) [com.apple.calls.callkit:Default] Call started\n" +
        "2025-10-23 16:00:40.000001+1100 0x1a2b3    Info        0x0                  123    0    callservicesd: (CallKit) [com.apple.calls.callkit:Default] Info detail\n" +
        "2025-10-23 16:00:41.000001+1100 0x1a2b3    Debug       0x0                  123    0    callservicesd: (CallKit) [com.apple.calls.callkit:Default] Debug detail\n" +
        "2025-10-23 16:00:42.000001+1100 0x2b3c4    Error       0x0                  200    0    Glip: [com.glip.voip:Push] Push failed\n" +
        "2025-10-23 16:00:43.000001+1100 0x1a2b3    Fault       0x0                  123    0    callservicesd: (CallKit) [com.apple.calls.callkit:Default] Call failed\n";

    private static EntryFilter Filter(string? predicate = null, LevelInclusion? levels = null, TimeRange? range = null)
    {
        LogPredicate? parsed = null;
        if (predicate is not null)
        {
            Assert.True(LogPredicate.TryParse(predicate, out parsed, out var error), error?.Message);
        }

        return new EntryFilter(parsed, range ?? TimeRange.All, levels ?? LevelInclusion.Default);
    }

    [Theory]
    [InlineData(null, false, false, 3)]
    [InlineData(null, true, false, 4)]
    [InlineData(null, false, true, 5)]
    [InlineData("process == \"callservicesd\"", false, false, 2)]
    [InlineData("process == \"callservicesd\"", true, true, 4)]
    [InlineData("eventMessage CONTAINS[c] \"FAILED\"", false, false, 2)]
    [InlineData("messageType >= error AND NOT subsystem BEGINSWITH \"com.glip\"", false, false, 1)]
    public void YieldsExactlyTheMatchingEntries(string? predicate, bool info, bool debug, int expected)
    {
        var filter = Filter(predicate, new LevelInclusion(info, debug, false));
        var all = LogSources.FromText(Log, "device.log").ReadEntries().ToList();
        var source = new FilteredEntrySource(LogSources.FromText(Log, "device.log"), filter);

        var kept = source.ReadEntries().Select(e => e.Location.Line).ToList();

        Assert.Equal(all.Where(filter.Matches).Select(e => e.Location.Line), kept);
        Assert.Equal(expected, kept.Count);
        Assert.Equal(expected, source.Matched);
        Assert.Equal(5, source.Summary.Entries);
        Assert.Equal("device.log", source.Name);
    }

    [Fact]
    public void RejectsWithoutFormattingTheMessageWhenOtherFieldsDecide()
    {
        var entries = new[]
        {
            new CountingEntry { Subsystem = "com.apple.calls.callkit", Level = LogLevel.Default },
            new CountingEntry { Subsystem = "com.apple.springboard", Level = LogLevel.Default },
            new CountingEntry { Subsystem = "com.apple.calls.callkit", Level = LogLevel.Info },
        };
        var filter = Filter("subsystem == \"com.apple.calls.callkit\" AND eventMessage CONTAINS \"lazy\"");

        var kept = new FilteredEntrySource(new ListSource(entries), filter).ReadEntries().ToList();

        Assert.Same(entries[0], Assert.Single(kept));
        Assert.Equal(1, entries[0].Formatted);
        Assert.Equal(0, entries[1].Formatted);
        Assert.Equal(0, entries[2].Formatted);
    }

    [Fact]
    public void ZonedEntryShowsTheSameInstantElsewhereAndKeepsTheRest()
    {
        var original = new CountingEntry
        {
            Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 39), TimeSpan.FromHours(11)),
            Subsystem = "com.apple.calls.callkit",
            Category = "Default",
            ProcessImagePath = "/usr/libexec/callservicesd",
            ProcessId = 127,
            ThreadId = 0x2c41,
            Level = LogLevel.Error,
            EventType = LogEventType.LogEvent,
            FormatString = "lazy %d",
            BootUuid = SampleEntries.Boot,
            Location = InputLocation.Binary("f.tracev3", 0x40),
        };

        var shown = ZonedLogEntry.Shift(original, DisplayTimeZone.Utc);

        Assert.Equal("2025-10-23 05:00:39.000000+0000", shown.Timestamp.ToString());
        Assert.Equal(original.Timestamp!.Value.Instant, shown.Timestamp!.Value.Instant);
        Assert.Equal(0, original.Formatted);
        Assert.Equal("lazy message", shown.EventMessage);
        Assert.Equal(1, original.Formatted);
        Assert.Equal(("callservicesd", 127, 0x2c41L, LogLevel.Error, "lazy %d", SampleEntries.Boot, original.Location),
            (shown.Process, shown.ProcessId!.Value, shown.ThreadId!.Value, shown.Level, shown.FormatString, shown.BootUuid!.Value, shown.Location));
        Assert.Equal(("com.apple.calls.callkit", "Default"), (shown.Subsystem, shown.Category));

        var unplaceable = new LogEntry("x") { Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 39), null) };
        Assert.Same(unplaceable, ZonedLogEntry.Shift(unplaceable, DisplayTimeZone.Utc));
        var alreadyUtc = new LogEntry("x") { Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 5, 0, 39), TimeSpan.Zero) };
        Assert.Same(alreadyUtc, ZonedLogEntry.Shift(alreadyUtc, DisplayTimeZone.Utc));
    }

    [Fact]
    public void LogEndIsTheLatestDatedEntryWithItsOffset()
    {
        var entries = new[]
        {
            new LogEntry("a") { Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 0), TimeSpan.FromHours(11)) },
            new LogEntry("b") { Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 16, 5, 0), TimeSpan.FromHours(11)) },
            new LogEntry("c") { Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 16, 1, 0), TimeSpan.FromHours(11)) },
            new LogEntry("no time"),
            new LogEntry("no date") { Timestamp = new LogTimestamp(new DateTime(1, 1, 1, 23, 0, 0), null, hasDate: false) },
        };

        Assert.Equal(new DateTimeOffset(2025, 10, 23, 16, 5, 0, TimeSpan.FromHours(11)), LogEnd.Find(new ListSource(entries)));
        Assert.Equal(TimeSpan.FromHours(11), LogEnd.Find(new ListSource(entries))!.Value.Offset);
        Assert.Null(LogEnd.Find(new ListSource(entries[3..])));
    }

    private sealed class CountingEntry : LogEntry
    {
        public int Formatted { get; private set; }

        protected override string FormatMessage()
        {
            Formatted++;
            return "lazy message";
        }
    }

    private sealed class ListSource(IReadOnlyList<LogEntry> entries) : ILogEntrySource
    {
        public string Name => "list";

        public LogReadSummary Summary { get; } = new() { Source = "list" };

        public CaptureContext Context { get; } = new();

        public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default)
        {
            foreach (var entry in entries)
            {
                Summary.Entries++;
                yield return entry;
            }
        }
    }
}
