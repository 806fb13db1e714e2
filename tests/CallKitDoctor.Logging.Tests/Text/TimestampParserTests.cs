using CallKitDoctor.Logging.Text;

namespace CallKitDoctor.Logging.Tests.Text;

public class TimestampParserTests
{
    [Theory]
    [InlineData("2025-10-23 16:00:39.916170+1100 x", 31, true, 660)]
    [InlineData("2020-09-25 19:26:16.378372+0200", 31, true, 120)]
    [InlineData("2019-10-03 11:21:35.998915-0400 MyVOIPAPP", 31, true, -240)]
    [InlineData("13:07:09.895463-0400\tMyCallingApp", 20, false, -240)]
    [InlineData("12:05:02.156382 +0530\tcallservicesd", 21, false, 330)]
    [InlineData("2019-01-27 09:18:08.663966Z", 27, true, 0)]
    [InlineData("2025-10-23T16:00:39+05:30", 25, true, 330)]
    public void ReadsDateTimeAndOffset(string text, int used, bool hasDate, int offsetMinutes)
    {
        Assert.Equal(used, TimestampParser.Parse(text, out var ts));
        Assert.Equal(hasDate, ts.HasDate);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), ts.Offset);
    }

    [Theory]
    [InlineData("2016-10-13 16:13:46.096232 Speakerbox[7252:1785573]", 26)]
    [InlineData("2025-10-28 18:27:47.401604 callservicesd:", 26)]
    [InlineData("2026-10-06 10:41:02.207 Df tccd", 23)]
    public void ReadsTimestampsWithoutOffset(string text, int used)
    {
        Assert.Equal(used, TimestampParser.Parse(text, out var ts));
        Assert.Null(ts.Offset);
    }

    [Fact]
    public void KeepsMicrosecondsAndNanoseconds()
    {
        TimestampParser.Parse("2025-10-23 16:00:39.916170123+1100", out var ts);
        Assert.Equal(new DateTime(2025, 10, 23, 16, 0, 39).AddTicks(9161701).Ticks, ts.Ticks);
        Assert.Equal(23, ts.SubTickNanoseconds);

        TimestampParser.Parse("2026-10-06 10:41:02.207", out var ms);
        Assert.Equal(new DateTime(2026, 10, 6, 10, 41, 2, 207).Ticks, ms.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Configuring audio session")]
    [InlineData("2025-13-23 16:00:39")]
    [InlineData("2025-02-30 16:00:39")]
    [InlineData("25:00:00.000")]
    [InlineData("12:61:00")]
    [InlineData("12:05")]
    public void RejectsWhatIsNotATimestamp(string text) => Assert.Equal(0, TimestampParser.Parse(text, out _));

    [Fact]
    public void DoesNotTakeASpaceSeparatedNumberAsOffset()
    {
        // " +0530" only counts as an offset when a field boundary follows it.
        Assert.Equal(15, TimestampParser.Parse("12:05:02.156382 +05301", out var ts));
        Assert.Null(ts.Offset);
    }
}
