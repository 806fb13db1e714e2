using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Text;

public class XcodeLayoutTests
{
    [Fact]
    public void ReadsNSLogLinesWithAndWithoutOffset()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "2020-09-25 11:24:47.032573+0200 ObjCVoiceQuickstart[644:74122] provider:didActivateAudioSession:",
            "2016-10-13 16:13:46.096288 Speakerbox[7252:1785573] Error returned from setupIOUnit: 1701737535: couldn't initialize Apple Voice Processing IO instance"));
        Assert.Equal(LogInputFormat.Xcode, read.Summary.Format);
        var first = read.Entries[0];
        Assert.Equal("ObjCVoiceQuickstart", first.Process);
        Assert.Equal(644, first.ProcessId);
        Assert.Equal(74122, first.ThreadId);
        Assert.Equal("provider:didActivateAudioSession:", first.EventMessage);
        Assert.Equal(TimeSpan.FromHours(2), first.Timestamp!.Value.Offset);
        Assert.Null(read.Entries[1].Timestamp!.Value.Offset);
        Assert.True(read.Entries[1].Timestamp!.Value.HasDate);
    }

    [Fact]
    public void CategoryTagsAndBareLines()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "provider:didDeactivateAudioSession:",
            "[aurioc] AURemoteIO.cpp:1086:Initialize: failed: 561017449 (enable 3, outf< 1 ch,  16000 Hz, Int16> inf< 1 ch,  16000 Hz, Int16>)",
            "2016-10-13 16:13:46.096232 Speakerbox[7252:1785573] [aurioc] 889: failed: 'ent?' (enable 3, outf< 1 ch, 44100 Hz, Float32>)",
            "2022-09-23 19:58:53.198270+0200 App[25333:2086171] [INFO] Logger - Reported new incoming call successfully"));
        Assert.Equal(4, read.Entries.Count);
        Assert.Equal("provider:didDeactivateAudioSession:", read.Entries[0].EventMessage);
        Assert.Null(read.Entries[0].Timestamp);
        var tagged = read.Entries[1];
        Assert.Equal("aurioc", tagged.Category);
        Assert.StartsWith("AURemoteIO.cpp:1086:Initialize: failed: 561017449", tagged.EventMessage);
        Assert.Equal(new SourceLocation("AURemoteIO.cpp", 1086), tagged.SourceLocation);
        Assert.Equal("aurioc", read.Entries[2].Category);
        Assert.StartsWith("889: failed: 'ent?'", read.Entries[2].EventMessage);
        Assert.Null(read.Entries[3].Category);
        Assert.StartsWith("[INFO] Logger", read.Entries[3].EventMessage);
        Assert.Equal(0, read.Summary.UnparsedLines);
        Assert.Equal(2, read.Summary.EntriesWithoutTimestamp);
    }

    [Fact]
    public void MixedContentWithPrefixlessNSLogAndWrappedError()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "App[25333:2086171] pushRegistry:didReceiveIncomingPushWithPayload:forType:completion:",
            "THE NAME OF THE PERSON CALLING IS - default",
            "2022-09-23 19:58:55.104843+0200 App[25333:2086171] provider:performAnswerCallAction:",
            "START AUDIO CONFIG",
            "2022-09-23 19:58:55.124620+0200 App[25333:2086171] [ERROR] Logger - Error configuring AVAudioSession: ",
            "Error Domain=NSOSStatusErrorDomain Code=561017449 \"(null)\"",
            "END AUDIO CONFIG"), LogInputFormat.Xcode);
        Assert.Equal(6, read.Entries.Count);
        Assert.Equal("App", read.Entries[0].Process);
        Assert.Equal(25333, read.Entries[0].ProcessId);
        Assert.Null(read.Entries[0].Timestamp);
        Assert.Equal("THE NAME OF THE PERSON CALLING IS - default", read.Entries[1].EventMessage);
        var wrapped = read.Entries[4];
        Assert.Equal("[ERROR] Logger - Error configuring AVAudioSession: \nError Domain=NSOSStatusErrorDomain Code=561017449 \"(null)\"", wrapped.EventMessage);
        Assert.Equal(InputLocation.Lines("test.log", 5, 6), wrapped.Location);
        Assert.Equal("END AUDIO CONFIG", read.Entries[5].EventMessage);
        Assert.Equal(0, read.Summary.UnparsedLines);
    }

    [Fact]
    public void DictionaryDumpJoinsButNextBareLineDoesNot()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "2020-09-25 11:24:11.174639+0200 App[644:74122] payload: {",
            "    aps =     {",
            "        alert = call;",
            "    };",
            "}",
            "provider:performAnswerCallAction:"), LogInputFormat.Xcode);
        Assert.Equal(2, read.Entries.Count);
        Assert.Equal(5, read.Entries[0].EventMessage.Split('\n').Length);
        Assert.Equal(InputLocation.Lines("test.log", 1, 5), read.Entries[0].Location);
    }

    [Fact]
    public void TrailingColonWithoutSpaceDoesNotSwallowTheNextLine()
    {
        var read = ReadResult.Of(ReadResult.Lines("provider:didDeactivateAudioSession:", "START AUDIO CONFIG"), LogInputFormat.Xcode);
        Assert.Equal(2, read.Entries.Count);
    }

    [Fact]
    public void CustomLoggerWithMillisecondsAndSequence()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "12:45:33_473-730:[CallsProviderDelegate.swift:47 -- providerDidReset(:)] providerDidReset <CXXPCProvider: 0x10e0463c0>",
            "providerDidBegin is fired for for 0x10e0463c0",
            "14:25:41_743-3257:[CallsController.swift:307 -- invalidateProvider(:)] Provider to invalidate nil"));
        Assert.Equal(LogInputFormat.Xcode, read.Summary.Format);
        var first = read.Entries[0];
        Assert.Equal(new SourceLocation("CallsProviderDelegate.swift", 47), first.SourceLocation);
        Assert.Equal("12:45:33.473000", first.Timestamp.ToString());
        Assert.False(first.Timestamp!.Value.HasDate);
        Assert.StartsWith("[CallsProviderDelegate.swift:47 -- providerDidReset(:)] providerDidReset", first.EventMessage);
        Assert.Null(read.Entries[1].Timestamp);
        Assert.Equal(TimeSpan.FromMinutes(100) + TimeSpan.FromSeconds(8.27), read.Entries[2].Timestamp!.Value.Subtract(first.Timestamp!.Value));
    }

    [Fact]
    public void PlainFormatMakesEveryLineAnEntry()
    {
        var read = ReadResult.Of(ReadResult.Lines("a: {", "  b", "c"), LogInputFormat.Plain);
        Assert.Equal(["a: {", "  b", "c"], read.Entries.Select(e => e.EventMessage));
        Assert.Equal(0, read.Summary.UnparsedLines);
    }
}
