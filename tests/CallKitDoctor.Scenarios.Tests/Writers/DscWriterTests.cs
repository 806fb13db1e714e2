using System.Text;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Strings;
using CallKitDoctor.Scenarios.Strings;

namespace CallKitDoctor.Scenarios.Tests.Writers;

public class DscWriterTests
{
    private static readonly Guid Cache = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly Guid CallKit = Guid.Parse("AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE");
    private static readonly Guid AudioSession = Guid.Parse("12345678-9ABC-DEF0-1234-56789ABCDEF0");

    [Fact]
    public void RangesImagesAndPathsReadBackThroughTheReader()
    {
        var writer = new DscWriter(Cache);
        var callKit = writer.AddImage(CallKit, "/System/Library/Frameworks/CallKit.framework/CallKit");
        var audio = writer.AddImage(AudioSession, "/System/Library/PrivateFrameworks/AudioSession.framework/AudioSession");
        var report = writer.Add(callKit, "Provider %@ was asked to report a new incoming call with UUID: %@ update: %@");
        var commit = writer.Add(callKit, "Received request to commit transaction %@");
        var activated = writer.Add(audio, "%25s:%-5d %s session 0x%x");
        Assert.Same(callKit, writer.AddImage(CallKit, "ignored"));

        var errors = new UnifiedErrorLog();
        var file = SharedCacheStrings.Parse(writer.ToArray(), "dsc", errors);

        Assert.NotNull(file);
        Assert.Empty(errors.Errors);
        Assert.Equal(2, file.MajorVersion);
        Assert.Equal(2, file.Ranges.Count);
        Assert.Equal(2, file.Images.Count);
        Assert.Equal(CallKit, file.Images[0].Uuid);
        Assert.Equal("/System/Library/PrivateFrameworks/AudioSession.framework/AudioSession", file.Images[1].Path);

        AssertString(file, report, "Provider %@ was asked to report a new incoming call with UUID: %@ update: %@", 0);
        AssertString(file, commit, "Received request to commit transaction %@", 0);
        AssertString(file, activated, "%25s:%-5d %s session 0x%x", 1);
        Assert.True(report < int.MaxValue && activated < int.MaxValue); // no large-offset field needed

        Assert.True(file.TryGetImage(callKit.ProgramCounter(), out var sender));
        Assert.Equal(CallKit, sender.Uuid);
        Assert.True(file.TryGetImage(audio.ProgramCounter(0x2000), out sender));
        Assert.Equal(AudioSession, sender.Uuid);
        Assert.Equal(Path.Combine("dsc", "11111111222233334444555555555555"), writer.RelativePath);
    }

    private static void AssertString(SharedCacheStrings file, ulong offset, string expected, ulong imageIndex)
    {
        Assert.True(file.TryGetString(offset, out var text, out var range));
        Assert.Equal(expected, Encoding.UTF8.GetString(text));
        Assert.Equal(imageIndex, range.ImageIndex);
    }
}
