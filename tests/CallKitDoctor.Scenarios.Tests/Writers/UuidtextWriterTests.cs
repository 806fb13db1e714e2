using System.Text;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Strings;
using CallKitDoctor.Scenarios.Strings;

namespace CallKitDoctor.Scenarios.Tests.Writers;

public class UuidtextWriterTests
{
    private static readonly Guid Image = Guid.Parse("0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0");

    [Fact]
    public void FormatsAndPathReadBackThroughTheReader()
    {
        var writer = new UuidtextWriter(Image, "/usr/libexec/callservicesd", rangeStart: 0x9000);
        var first = writer.Add("Entered foreground for call with identifier %@");
        var second = writer.Add("Delivering %lu VoIP payload(s) to application %@");
        Assert.Equal(first, writer.Add("Entered foreground for call with identifier %@")); // added once

        var errors = new UnifiedErrorLog();
        var file = UuidTextFile.Parse(writer.ToArray(), "test", errors);

        Assert.NotNull(file);
        Assert.Empty(errors.Errors);
        Assert.Equal(2u, file.MajorVersion);
        Assert.Equal(1u, file.MinorVersion);
        Assert.Equal("/usr/libexec/callservicesd", file.ImagePath);
        var range = Assert.Single(file.Ranges);
        Assert.Equal(0x9000u, range.RangeStart);
        Assert.Equal(0x9000u, first);
        Assert.True(file.TryGetString(second, out var text));
        Assert.Equal("Delivering %lu VoIP payload(s) to application %@", Encoding.UTF8.GetString(text));
        Assert.True(file.TryGetString(first + 8, out var inner)); // an offset inside a string reads its tail
        Assert.Equal("foreground for call with identifier %@", Encoding.UTF8.GetString(inner));
        Assert.False(file.TryGetString(0x8fff, out _));
    }

    [Fact]
    public void FileNameIsTheUpperCaseUuidSplitAfterTwoCharacters()
    {
        var writer = new UuidtextWriter(Image, "/x");
        Assert.Equal(Path.Combine("0F", "1E2D3C4B5A69788796A5B4C3D2E1F0"), writer.RelativePath);
    }

    [Fact]
    public void AnImageWithoutStringsStillNamesItsPath()
    {
        var errors = new UnifiedErrorLog();
        var file = UuidTextFile.Parse(new UuidtextWriter(Image, "/private/var/containers/Bundle/Application/X/Glip.app/Glip").ToArray(), "t", errors);

        Assert.NotNull(file);
        Assert.Empty(file.Ranges);
        Assert.Equal("/private/var/containers/Bundle/Application/X/Glip.app/Glip", file.ImagePath);
    }
}
