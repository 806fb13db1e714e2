using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering.Time;

namespace CallKitDoctor.Logging.Tests.Filtering;

/// <summary><c>--start</c>/<c>--end</c>/<c>--last</c> parsing, the time window and <c>--timezone</c>.</summary>
public class TimeFilterTests
{
    private static readonly TimeZoneInfo Sydney = TimeZoneInfo.CreateCustomTimeZone("Test+11", TimeSpan.FromHours(11), "Test+11", "Test+11");

    [Theory]
    [InlineData("2025-10-23", "2025-10-23T00:00:00.0000000+11:00")]
    [InlineData("2025-10-23 16:00", "2025-10-23T16:00:00.0000000+11:00")]
    [InlineData("2025-10-23 16:00:39", "2025-10-23T16:00:39.0000000+11:00")]
    [InlineData("2025-10-23 16:00:39.916170", "2025-10-23T16:00:39.9161700+11:00")]
    [InlineData("2025-10-23 16:00:39.9", "2025-10-23T16:00:39.9000000+11:00")]
    [InlineData("2025-10-23 16:00:39.916170-0400", "2025-10-23T16:00:39.9161700-04:00")]
    [InlineData("2025-10-23 16:00+0530", "2025-10-23T16:00:00.0000000+05:30")]
    [InlineData("2025-10-23T16:00:39+01:00", "2025-10-23T16:00:39.0000000+01:00")]
    [InlineData("2025-10-23 16:00:39Z", "2025-10-23T16:00:39.0000000+00:00")]
    [InlineData("  2024-02-29 23:59:59  ", "2024-02-29T23:59:59.0000000+11:00")]
    public void ParsesLogTimes(string text, string expected)
    {
        Assert.True(LogTimeArgument.TryParse(text, Sydney, out var value, out var error), error);
        Assert.Equal(expected, value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2025-1-23")]
    [InlineData("2025-10-23 16")]
    [InlineData("2025-10-23 16:0")]
    [InlineData("2025-10-23 16:00:3")]
    [InlineData("2025-10-23 16:00:39.")]
    [InlineData("2025-10-23 16:00:39 +04")]
    [InlineData("2025-10-23 16:00:39+0400x")]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-29")]
    [InlineData("2025-10-23 24:00")]
    [InlineData("2025-10-23 16:60")]
    [InlineData("2025-10-23 16:00+1500")]
    public void RejectsMalformedTimes(string text)
    {
        Assert.False(LogTimeArgument.TryParse(text, Sydney, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("45", 45)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("10M", 600)]
    [InlineData("0m", 0)]
    public void ParsesLastDurations(string text, int seconds)
    {
        Assert.True(LastDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("5w")]
    [InlineData("5 m")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    [InlineData("99999999999d")]
    [InlineData("boot")]
    public void RejectsMalformedDurations(string text) =>
        Assert.False(LastDuration.TryParse(text, out _, out _));

    [Fact]
    public void LastCountsBackFromTheEndOfTheLogOrNow()
    {
        var logEnd = new DateTimeOffset(2025, 10, 23, 16, 0, 0, TimeSpan.FromHours(11));
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var fromLog = TimeRange.Create(null, null, TimeSpan.FromMinutes(5), logEnd, now);
        Assert.Equal(logEnd.AddMinutes(-5), fromLog.Start);
        Assert.Null(fromLog.End);

        var fromNow = TimeRange.Create(null, null, TimeSpan.FromHours(2), null, now);
        Assert.Equal(now.AddHours(-2), fromNow.Start);

        var laterStart = TimeRange.Create(logEnd.AddMinutes(-1), null, TimeSpan.FromMinutes(5), logEnd, now);
        Assert.Equal(logEnd.AddMinutes(-1), laterStart.Start);

        var withEnd = TimeRange.Create(null, logEnd.AddHours(-1), TimeSpan.FromMinutes(5), logEnd, now);
        Assert.Equal(logEnd.AddHours(-1).AddMinutes(-5), withEnd.Start);
    }

    [Fact]
    public void RangeComparesInstantsAcrossOffsets()
    {
        var start = new DateTimeOffset(2025, 10, 23, 5, 0, 0, TimeSpan.Zero);
        var range = new TimeRange(start, start.AddMinutes(10));
        Assert.True(range.Contains(Ts(new DateTime(2025, 10, 23, 16, 0, 0), 11)));
        Assert.True(range.Contains(Ts(new DateTime(2025, 10, 23, 16, 10, 0), 11)));
        Assert.False(range.Contains(Ts(new DateTime(2025, 10, 23, 15, 59, 59), 11)));
        Assert.False(range.Contains(Ts(new DateTime(2025, 10, 23, 5, 10, 1), 0)));
        Assert.True(range.Contains(null));
        Assert.True(range.Contains(new LogTimestamp(new DateTime(1, 1, 1, 3, 0, 0), null, hasDate: false)));
    }

    [Fact]
    public void RangeComparesWallClocksWhenTheEntryHasNoOffset()
    {
        var range = new TimeRange(new DateTimeOffset(2025, 10, 23, 16, 0, 0, TimeSpan.FromHours(11)), null);
        Assert.True(range.Contains(new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 1), null)));
        Assert.False(range.Contains(new LogTimestamp(new DateTime(2025, 10, 23, 15, 59, 59), null)));
    }

    [Fact]
    public void OverlapsDecidesWhetherAChunkCanBeSkipped()
    {
        var start = new DateTimeOffset(2025, 10, 23, 5, 0, 0, TimeSpan.Zero);
        var range = new TimeRange(start, start.AddHours(1));
        Assert.True(range.Overlaps(start.AddHours(-1), start));
        Assert.True(range.Overlaps(start.AddMinutes(10), start.AddMinutes(20)));
        Assert.True(range.Overlaps(start.AddHours(-5), start.AddHours(5)));
        Assert.False(range.Overlaps(start.AddHours(-2), start.AddHours(-1)));
        Assert.False(range.Overlaps(start.AddHours(1).AddTicks(1), start.AddHours(3)));
        Assert.True(TimeRange.All.Overlaps(DateTimeOffset.MinValue, DateTimeOffset.MinValue));
    }

    [Theory]
    [InlineData("UTC", "2025-10-23 05:00:39.916170+0000")]
    [InlineData("utc", "2025-10-23 05:00:39.916170+0000")]
    [InlineData("America/Los_Angeles", "2025-10-22 22:00:39.916170-0700")]
    [InlineData("Asia/Kolkata", "2025-10-23 10:30:39.916170+0530")]
    public void TimeZoneConvertsForPrinting(string zone, string expected)
    {
        Assert.True(DisplayTimeZone.TryParse(zone, out var display, out var error), error);
        var ts = new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 39).AddTicks(9161700), TimeSpan.FromHours(11));
        var converted = display.Convert(ts);
        Assert.Equal(expected, converted.ToString());
        Assert.Equal(ts.Instant, converted.Instant);
    }

    [Fact]
    public void TimeZoneLeavesUnplaceableTimesAlone()
    {
        var timeOnly = new LogTimestamp(new DateTime(1, 1, 1, 3, 0, 0), TimeSpan.FromHours(-4), hasDate: false);
        Assert.Equal(timeOnly, DisplayTimeZone.Utc.Convert(timeOnly));
        Assert.True(DisplayTimeZone.TryParse("local", out var local, out _));
        Assert.Same(TimeZoneInfo.Local, local.Zone);
        Assert.False(DisplayTimeZone.TryParse("Mars/Olympus", out _, out var error));
        Assert.Contains("Mars/Olympus", error);
        Assert.False(DisplayTimeZone.TryParse("", out _, out _));
    }

    private static LogTimestamp Ts(DateTime local, int offsetHours) => new(local, TimeSpan.FromHours(offsetHours));
}
