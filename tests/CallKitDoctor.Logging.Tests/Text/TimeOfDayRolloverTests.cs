using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Text;

namespace CallKitDoctor.Logging.Tests.Text;

public class TimeOfDayRolloverTests
{
    private static TextTimestamp At(int h, int m) => new(new TimeSpan(h, m, 0).Ticks, false, null, 0);

    [Fact]
    public void AdvancesADayAtMidnight()
    {
        var clock = new TimeOfDayRollover();
        var before = clock.Resolve(At(23, 59));
        var after = clock.Resolve(At(0, 1));
        Assert.False(after.HasDate);
        Assert.Equal(TimeSpan.FromMinutes(2), after.Subtract(before));
        Assert.Equal("00:01:00.000000", after.ToString());
    }

    [Fact]
    public void KeepsTheDayWhenPastedSegmentsGoBackALittle()
    {
        var clock = new TimeOfDayRollover();
        var later = clock.Resolve(At(13, 7));
        var earlier = clock.Resolve(At(13, 5));
        Assert.True(earlier < later);
    }

    [Fact]
    public void ConsoleCopyAcrossMidnightIsOrdered()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "default\t23:59:59.900000+0200\tcallservicesd\tbefore midnight",
            "default\t00:00:00.100000+0200\tcallservicesd\tafter midnight"), LogInputFormat.Console);
        var first = read.Entries[0].Timestamp!.Value;
        var second = read.Entries[1].Timestamp!.Value;
        Assert.True(second > first);
        Assert.Equal(TimeSpan.FromMilliseconds(200), second.Subtract(first));
        Assert.All(read.Entries, e => Assert.False(e.Timestamp!.Value.HasDate));
    }

    [Fact]
    public void DatedTimestampsAreTakenAsWritten()
    {
        var clock = new TimeOfDayRollover();
        var ts = clock.Resolve(new TextTimestamp(new DateTime(2020, 9, 25, 11, 24, 11).Ticks, true, TimeSpan.FromHours(2), 0));
        Assert.Equal(new DateTimeOffset(2020, 9, 25, 11, 24, 11, TimeSpan.FromHours(2)), ts.Instant);
        Assert.IsType<LogTimestamp>(ts);
    }
}
