using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary>A <c>--start</c>/<c>--end</c> typed without an offset and without <c>--timezone</c> is read on the log's own clock.</summary>
public class WallClockWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static EntryFilter Create(EntryFilterOptions options, TimeZoneInfo? zone = null, DateTimeOffset? logEnd = null)
    {
        Assert.True(EntryFilter.TryCreate(options, zone, logEnd, Now, out var filter, out var error), error);
        return filter;
    }

    private static LogTimestamp At(int hour, int minute, int second, int? offsetHours) =>
        new(new DateTime(2025, 10, 23, hour, minute, second), offsetHours is { } h ? TimeSpan.FromHours(h) : null);

    [Theory]
    [InlineData(11)]
    [InlineData(-7)]
    [InlineData(0)]
    [InlineData(null)]
    public void ComparesWithEachEntrysPrintedClock(int? offsetHours)
    {
        var filter = Create(new EntryFilterOptions(Start: "2025-10-23 16:00", End: "2025-10-23 16:05"));

        Assert.Equal(new DateTime(2025, 10, 23, 16, 0, 0), filter.Range.StartClock);
        Assert.True(filter.AcceptsTime(At(16, 0, 0, offsetHours)));
        Assert.True(filter.AcceptsTime(At(16, 5, 0, offsetHours)));
        Assert.False(filter.AcceptsTime(At(15, 59, 59, offsetHours)));
        Assert.False(filter.AcceptsTime(At(16, 5, 1, offsetHours)));
    }

    [Fact]
    public void InstantsAreWidenedSoThatSkippingByInstantIsSafe()
    {
        var filter = Create(new EntryFilterOptions(Start: "2025-10-23 16:00", End: "2025-10-23 16:05"));

        // A chunk holding 16:00+1100 (05:00Z) and one holding 16:05-1000 (02:05Z next day) must both be kept.
        var sydney = new DateTimeOffset(2025, 10, 23, 16, 0, 0, TimeSpan.FromHours(11));
        var hawaii = new DateTimeOffset(2025, 10, 23, 16, 5, 0, TimeSpan.FromHours(-10));
        Assert.True(filter.Overlaps(sydney, sydney));
        Assert.True(filter.Overlaps(hawaii, hawaii));
        Assert.False(filter.Overlaps(sydney.AddDays(-2), sydney.AddDays(-1.5)));
        Assert.False(filter.Overlaps(hawaii.AddDays(1), hawaii.AddDays(2)));
    }

    [Fact]
    public void AnOffsetOrATimeZoneMakesTheBoundAnInstant()
    {
        var withOffset = Create(new EntryFilterOptions(Start: "2025-10-23 16:00+1100"));
        Assert.Null(withOffset.Range.StartClock);
        Assert.True(withOffset.AcceptsTime(At(5, 0, 0, 0)));
        Assert.False(withOffset.AcceptsTime(At(4, 59, 59, 0)));

        var inUtc = Create(new EntryFilterOptions(Start: "2025-10-23 05:00"), TimeZoneInfo.Utc);
        Assert.Null(inUtc.Range.StartClock);
        Assert.True(inUtc.AcceptsTime(At(16, 0, 0, 11)));
        Assert.False(inUtc.AcceptsTime(At(15, 59, 59, 11)));
    }

    [Fact]
    public void LastBeforeAWallClockEndStaysOnTheLogsClock()
    {
        var filter = Create(new EntryFilterOptions(End: "2025-10-23 16:05", Last: "5m"), logEnd: new DateTimeOffset(2025, 10, 24, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2025, 10, 23, 16, 0, 0), filter.Range.StartClock);
        Assert.True(filter.AcceptsTime(At(16, 2, 0, -7)));
        Assert.False(filter.AcceptsTime(At(15, 59, 0, -7)));
        Assert.False(filter.AcceptsTime(At(16, 6, 0, -7)));
    }

    [Fact]
    public void LastWithoutEndCountsBackFromTheLogEndWithItsOffset()
    {
        var logEnd = new DateTimeOffset(2025, 10, 23, 16, 10, 0, TimeSpan.FromHours(11));
        var filter = Create(new EntryFilterOptions(Last: "10m"), logEnd: logEnd);

        Assert.Equal(logEnd.AddMinutes(-10), filter.Range.Start);
        Assert.True(filter.AcceptsTime(At(16, 0, 0, 11)));
        Assert.False(filter.AcceptsTime(At(15, 59, 59, 11)));

        // A log without offsets: the anchor's wall clock is the last entry's.
        var plain = Create(new EntryFilterOptions(Last: "10m"), logEnd: new DateTimeOffset(2025, 10, 23, 16, 10, 0, TimeSpan.Zero));
        Assert.True(plain.AcceptsTime(At(16, 0, 0, null)));
        Assert.False(plain.AcceptsTime(At(15, 59, 0, null)));
    }

    [Fact]
    public void StartAfterEndOnTheSameClockIsRefused()
    {
        Assert.False(EntryFilter.TryCreate(new EntryFilterOptions(Start: "2025-10-23 16:05", End: "2025-10-23 16:00"), null, null, Now, out _, out var error));
        Assert.Contains("after --end", error, StringComparison.Ordinal);
    }
}
