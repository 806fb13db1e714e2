using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Reports.Formatting;

namespace CallKitDoctor.Reports.Tests.Formatting;

public class ExcerptTests
{
    [Fact]
    public void CollapsesWhitespaceAndNewlines() =>
        Assert.Equal("AVAudioSession_iOS.mm:597 Creating proxy session failed {", Excerpt.Of("    AVAudioSession_iOS.mm:597   Creating proxy session failed {\n", 100));

    [Fact]
    public void CutsLongTextWithAnEllipsis()
    {
        var cut = Excerpt.Of(new string('a', 50), 10);
        Assert.Equal(10, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Equal("short", Excerpt.Of("short", 10));
    }

    [Fact]
    public void NeverSplitsASurrogatePair()
    {
        var cut = Excerpt.Of("abcdefgh😀😀😀😀", 10);
        Assert.Equal(cut, Utf16Text.Sanitize(cut));
    }

    [Fact]
    public void RepairsOnlyLoneSurrogates()
    {
        const string fine = "ok 😀";
        Assert.Same(fine, Utf16Text.Sanitize(fine));
        Assert.Equal("a\uFFFDb\uFFFD", Utf16Text.Sanitize("a\uD800b\uDC00"));
    }

    [Fact]
    public void IsoNeedsDateAndOffset()
    {
        var full = new LogTimestamp(new DateTime(2025, 10, 28, 18, 27, 47).AddTicks(4016040), TimeSpan.FromHours(-7));
        var noOffset = new LogTimestamp(new DateTime(2025, 10, 28, 18, 27, 47), null);

        Assert.Equal("2025-10-28T18:27:47.401604-07:00", TimestampText.Iso(full));
        Assert.Null(TimestampText.Iso(noOffset));
        Assert.Equal("2025-10-28 18:27:47.000000", TimestampText.Log(noOffset));
        Assert.Equal("18:27:47.401604", TimestampText.TimeOfDay(full));
    }
}
