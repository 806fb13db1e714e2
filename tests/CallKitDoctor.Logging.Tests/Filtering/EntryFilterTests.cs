using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Time;
using static CallKitDoctor.Logging.Tests.Filtering.PredicateTesting;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>The combined filter: predicate, time window and level inclusion.</summary>
public class EntryFilterTests
{
    [Theory]
    [InlineData(LogLevel.Default, false, false, true)]
    [InlineData(LogLevel.Error, false, false, true)]
    [InlineData(LogLevel.Fault, false, false, true)]
    [InlineData(LogLevel.Unknown, false, false, true)]
    [InlineData(LogLevel.Info, false, false, false)]
    [InlineData(LogLevel.Debug, false, false, false)]
    [InlineData(LogLevel.Info, true, false, true)]
    [InlineData(LogLevel.Debug, true, false, false)]
    [InlineData(LogLevel.Debug, false, true, true)]
    [InlineData(LogLevel.Info, false, true, true)]
    public void LevelsFollowLogShow(LogLevel level, bool info, bool debug, bool shown)
    {
        var filter = new EntryFilter(null, TimeRange.All, new LevelInclusion(info, debug, false));
        Assert.Equal(shown, filter.Matches(new LogEntry("x") { Level = level }));
        Assert.Equal(shown, filter.AcceptsLevel(level, LogEventType.LogEvent));
    }

    [Fact]
    public void SignpostsNeedTheirFlag()
    {
        var signpost = new LogEntry("x") { Level = LogLevel.Default, EventType = LogEventType.SignpostEvent };
        Assert.False(new EntryFilter(null, TimeRange.All, LevelInclusion.Default).Matches(signpost));
        Assert.True(new EntryFilter(null, TimeRange.All, new LevelInclusion(false, false, true)).Matches(signpost));
    }

    [Fact]
    public void CombinesPredicateTimeAndLevel()
    {
        var entry = SampleEntries.CallKitError();
        var at = entry.Timestamp!.Value.Instant!.Value;
        var predicate = Parse("subsystem == \"com.apple.calls.callkit\"");

        Assert.True(new EntryFilter(predicate, new TimeRange(at.AddSeconds(-1), at.AddSeconds(1)), LevelInclusion.Default).Matches(entry));
        Assert.False(new EntryFilter(predicate, new TimeRange(at.AddSeconds(1), null), LevelInclusion.Default).Matches(entry));
        Assert.False(new EntryFilter(Parse("subsystem == \"x\""), TimeRange.All, LevelInclusion.Default).Matches(entry));
        Assert.False(new EntryFilter(predicate, TimeRange.All, LevelInclusion.Default).Matches(new LogEntry("x") { Subsystem = "com.apple.calls.callkit", Level = LogLevel.Debug }));
        Assert.True(EntryFilter.All.Matches(new LogEntry("x") { Level = LogLevel.Debug }));
    }

    [Fact]
    public void PreCheckRejectsOnRawFieldsWithoutFormatting()
    {
        var filter = new EntryFilter(Parse("eventMessage CONTAINS \"setActive\""), TimeRange.All, LevelInclusion.Default);
        Assert.True(filter.NeedsEventMessage);

        var debug = new SampleEntries.Lazy { Level = LogLevel.Debug };
        Assert.Equal(FilterDecision.Reject, filter.PreCheck(debug));
        Assert.False(filter.Matches(debug));
        Assert.Equal(0, debug.FormatCount);

        var shown = new SampleEntries.Lazy { Level = LogLevel.Default };
        Assert.Equal(FilterDecision.NeedsMessage, filter.PreCheck(shown));
        Assert.Equal(0, shown.FormatCount);
        Assert.True(filter.Matches(shown));
        Assert.Equal(1, shown.FormatCount);

        Assert.Equal(FilterDecision.Accept, new EntryFilter(null, TimeRange.All, LevelInclusion.Default).PreCheck(shown));
        Assert.False(new EntryFilter(null, TimeRange.All, LevelInclusion.Default).NeedsEventMessage);
    }
}
