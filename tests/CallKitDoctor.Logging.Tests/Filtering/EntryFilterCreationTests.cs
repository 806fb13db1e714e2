using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>Building the filter from <c>show</c>'s option strings.</summary>
public class EntryFilterCreationTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("Test+11", TimeSpan.FromHours(11), "Test+11", "Test+11");
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BuildsFromOptionStrings()
    {
        var options = new EntryFilterOptions(
            Predicate: "subsystem == \"com.apple.calls.callkit\"", Start: "2025-10-23 15:00", End: "2025-10-23 17:00", Info: true);
        Assert.True(EntryFilter.TryCreate(options, Zone, null, Now, out var filter, out var error), error);
        Assert.Equal(new DateTimeOffset(2025, 10, 23, 15, 0, 0, TimeSpan.FromHours(11)), filter.Range.Start);
        Assert.True(filter.Levels.IncludeInfo);
        Assert.False(filter.Levels.IncludeDebug);
        Assert.True(filter.Matches(SampleEntries.CallKitError()));
        Assert.False(filter.Matches(new LogEntry("x") { Subsystem = "com.apple.calls.callkit", Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 17, 0, 1), TimeSpan.FromHours(11)) }));
    }

    [Fact]
    public void LastCountsFromTheLogEnd()
    {
        var logEnd = new DateTimeOffset(2025, 10, 23, 16, 0, 40, TimeSpan.FromHours(11));
        Assert.True(EntryFilter.TryCreate(new EntryFilterOptions(Last: "5m"), Zone, logEnd, Now, out var filter, out _));
        Assert.Equal(logEnd.AddMinutes(-5), filter.Range.Start);
        Assert.True(filter.AcceptsTime(SampleEntries.CallKitError().Timestamp));
        Assert.False(filter.AcceptsTime(new LogTimestamp(new DateTime(2025, 10, 23, 15, 55, 39), TimeSpan.FromHours(11))));
    }

    [Theory]
    [InlineData("subsystem \"x\"", null, null, null, "--predicate: expected a comparison operator after 'subsystem' at position 10")]
    [InlineData(null, "tomorrow", null, null, "--start: ")]
    [InlineData(null, null, "2025-10-23 25:00", null, "--end: ")]
    [InlineData(null, null, null, "5 weeks", "--last: ")]
    [InlineData(null, "2025-10-24", "2025-10-23", null, "--start 2025-10-24 is after --end 2025-10-23")]
    public void ReportsTheFaultyOption(string? predicate, string? start, string? end, string? last, string messageStart)
    {
        var options = new EntryFilterOptions(predicate, start, end, last);
        Assert.False(EntryFilter.TryCreate(options, Zone, null, Now, out var filter, out var error));
        Assert.Null(filter);
        Assert.StartsWith(messageStart, error);
        Assert.DoesNotContain('\n', error);
    }
}
