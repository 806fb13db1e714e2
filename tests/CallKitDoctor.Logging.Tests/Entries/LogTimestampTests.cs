using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Tests.Entries;

public class LogTimestampTests
{
    [Fact]
    public void FormatsLikeLogShowWithMicrosecondsAndOffset()
    {
        var ts = new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 39).AddTicks(9161700), TimeSpan.FromHours(11));
        Assert.Equal("2025-10-23 16:00:39.916170+1100", ts.ToString());
    }

    [Fact]
    public void TimeOnlyTimestampPrintsWithoutDate()
    {
        var ts = new LogTimestamp(new DateTime(1, 1, 1, 13, 7, 9).AddTicks(8954630), TimeSpan.FromHours(-4), hasDate: false);
        Assert.Equal("13:07:09.895463-0400", ts.ToString());
        Assert.Null(ts.Instant);
    }

    [Fact]
    public void OrdersByInstantWhenOffsetsDiffer()
    {
        var sydney = new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 0), TimeSpan.FromHours(11));
        var utc = new LogTimestamp(new DateTime(2025, 10, 23, 5, 0, 1), TimeSpan.Zero);
        Assert.True(sydney < utc);
        Assert.Equal(TimeSpan.FromSeconds(1), utc.Subtract(sydney));
    }

    [Fact]
    public void KeepsNanosecondsFromUnixTime()
    {
        var ts = LogTimestamp.FromUnixNanoseconds(1_700_000_000_123_456_789, TimeSpan.FromHours(-8));
        Assert.Equal(89, ts.SubTickNanoseconds);
        Assert.Equal("2023-11-14 14:13:20.123456-0800", ts.ToString());
    }

    [Fact]
    public void RejectsSubTickNanosecondsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogTimestamp(DateTime.MinValue, null, true, 100));
    }
}
