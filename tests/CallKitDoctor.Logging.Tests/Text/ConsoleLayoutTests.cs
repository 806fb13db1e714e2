using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Text;

public class ConsoleLayoutTests
{
    [Fact]
    public void ReadsEnglishCopyWithSpaceBeforeOffset()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "default\t12:05:02.908987 +0530\tcallservicesd\tSetting audio active: <private> options: 0 for provider <private>",
            "error\t12:05:02.302954 +0530\tCourtBuddy\tTIC Read Status [3:0x109018640]: 1:57"));
        Assert.Equal(LogInputFormat.Console, read.Summary.Format);
        var first = read.Entries[0];
        Assert.Equal(LogLevel.Default, first.Level);
        Assert.Equal("callservicesd", first.Process);
        Assert.Equal("Setting audio active: <private> options: 0 for provider <private>", first.EventMessage);
        Assert.Equal("12:05:02.908987+0530", first.Timestamp.ToString());
        Assert.False(first.Timestamp!.Value.HasDate);
        Assert.Equal(LogLevel.Error, read.Entries[1].Level);
        Assert.Equal(0, read.Summary.UnparsedLines);
    }

    [Theory]
    [InlineData("par défaut", LogLevel.Default)]
    [InlineData("erreur", LogLevel.Error)]
    [InlineData("erreur grave", LogLevel.Fault)]
    [InlineData("débogage", LogLevel.Debug)]
    [InlineData("fault", LogLevel.Fault)]
    [InlineData("info", LogLevel.Info)]
    [InlineData("Fehler", LogLevel.Error)]
    [InlineData("エラー", LogLevel.Error)]
    [InlineData("默认", LogLevel.Default)]
    [InlineData("오류", LogLevel.Error)]
    [InlineData("errore", LogLevel.Error)]
    [InlineData("fout", LogLevel.Error)]
    public void ReadsLocalizedLevels(string word, LogLevel level)
    {
        var read = ReadResult.Of($"{word}\t19:26:16.447864+0200\tcallservicesd\tEnding call <private> since its backing call source <private> is no longer connected\n");
        Assert.Equal(LogInputFormat.Console, read.Summary.Format);
        Assert.Equal(level, Assert.Single(read.Entries).Level);
        Assert.Equal("callservicesd", read.Entries[0].Process);
    }

    [Fact]
    public void UnknownLevelWordStillReadsTheLine()
    {
        var read = ReadResult.Of("Ismeretlen\t19:26:16.447864+0200\tcallservicesd\tmessage\n", LogInputFormat.Console);
        var entry = Assert.Single(read.Entries);
        Assert.Equal(LogLevel.Unknown, entry.Level);
        Assert.Equal("message", entry.EventMessage);
        Assert.NotNull(entry.Timestamp);
    }

    [Fact]
    public void LevelColumnMayBeMissingOnDefaultLines()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "13:07:14.084733-0400\tmediaserverd\tAudioSessionServerImp.cpp:3166:Sub_AudioSessionSetActiveWithFlags: { \"action\":\"activate\" }",
            "error\t13:07:14.088829-0400\tmediaserverd\tAudioSessionServerImp.cpp:285:TranslateCMSessionErrorCode: { }"));
        Assert.Equal(LogLevel.Default, read.Entries[0].Level);
        Assert.Equal(new SourceLocation("AudioSessionServerImp.cpp", 3166), read.Entries[0].SourceLocation);
        Assert.Equal(LogLevel.Error, read.Entries[1].Level);
        Assert.Equal(TimeSpan.FromHours(-4), read.Entries[1].Timestamp!.Value.Offset);
    }

    [Fact]
    public void JoinsContinuationLinesAndKeepsRawText()
    {
        string[] lines =
        [
            "13:07:14.075334-0400\tMyCallingApp\t[RNCallKeep][requestTransaction] transaction = <CXTransaction 0x28135eca0 UUID=DD06A1D7 isComplete=0 actions=(",
            "    \"<CXAnswerCallAction 0x283f60850 UUID=B67720E9 state=0 callUUID=E1ABE4D2-F60A-4B58-84EB-8B889FE66126>\"",
            ")>",
            "13:07:14.081075-0400\tMyCallingApp\t[RNCallKeep][requestTransaction] Requested transaction successfully",
        ];
        var read = ReadResult.Of(ReadResult.Lines(lines));
        Assert.Equal(2, read.Entries.Count);
        var joined = read.Entries[0];
        Assert.Equal(string.Join('\n', lines[..3]), joined.RawText);
        Assert.EndsWith("\n)>", joined.EventMessage);
        Assert.StartsWith("[RNCallKeep][requestTransaction] transaction = <CXTransaction", joined.EventMessage);
        Assert.Equal(InputLocation.Lines("test.log", 1, 3), joined.Location);
        Assert.Equal(4, read.Entries[1].Location.Line);
    }

    [Fact]
    public void TabIndentedContinuationJoins()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "default\t12:05:04.630011 +0530\tdasd\tcom.apple.session.schedule:5EA363:[",
            "\t{name: DeviceActivityPolicy, policyWeight: 20.000}",
            " ], FinalDecision: Must Not Proceed}"));
        var entry = Assert.Single(read.Entries);
        Assert.Equal(3, entry.EventMessage.Split('\n').Length);
    }

    [Fact]
    public void BannersAreCountedAsUnparsedAndNeverJoined()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "/***************************************************/",
            "/********** FIRST INCOMING CALL ***********/",
            "13:07:09.895463-0400\tMyCallingApp\t[RNCallKeep][reportNewIncomingCall] uuidString = e1abe4d2",
            "/***************************************************/",
            "13:07:09.945267-0400\theard\tCall status changed"));
        Assert.Equal(3, read.Summary.UnparsedLines);
        Assert.Equal([1L, 2, 4], read.Summary.UnparsedLineNumbers);
        Assert.Equal(5, read.Entries.Count);
        Assert.Equal("[RNCallKeep][reportNewIncomingCall] uuidString = e1abe4d2", read.Entries[2].EventMessage);
        Assert.Null(read.Entries[0].Timestamp);
        Assert.Equal(3, read.Summary.EntriesWithoutTimestamp);
    }

    [Fact]
    public void ReadsSpaceSeparatedCopy()
    {
        var read = ReadResult.Of("error 18:44:22.533627+0800 audiomxd AVAudioSessionXPCServer.mm:404 -[AVAudioSessionRemoteXPCClient createProxySession:reply:] failed due to session lookup failure for SessionID 0x0\n");
        Assert.Equal(LogInputFormat.Console, read.Summary.Format);
        var entry = Assert.Single(read.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("audiomxd", entry.Process);
        Assert.Equal(new SourceLocation("AVAudioSessionXPCServer.mm", 404), entry.SourceLocation);
        Assert.StartsWith("AVAudioSessionXPCServer.mm:404 -[", entry.EventMessage);
    }

    [Fact]
    public void SpaceSeparatedFrenchLevelOfTwoWords()
    {
        var read = ReadResult.Of("par défaut 19:26:16.378372+0200 callservicesd callControllerHostConnection: <private>\n", LogInputFormat.Console);
        var entry = Assert.Single(read.Entries);
        Assert.Equal(LogLevel.Default, entry.Level);
        Assert.Equal("callservicesd", entry.Process);
    }

    [Fact]
    public void HeaderLineMapsExtraColumns()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "Type\tTime\tProcess\tPID\tTID\tSubsystem\tCategory\tMessage",
            "error\t2025-10-23 16:01:52.259438+1100\tcallservicesd\t112\t0x1a2b\tcom.apple.coreaudio\tas_client\tCreating proxy session failed, session ID = 0x0"));
        Assert.Equal(LogInputFormat.Console, read.Summary.Format);
        var entry = Assert.Single(read.Entries);
        Assert.Equal(112, entry.ProcessId);
        Assert.Equal(0x1a2b, entry.ThreadId);
        Assert.Equal("com.apple.coreaudio", entry.Subsystem);
        Assert.Equal("as_client", entry.Category);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.True(entry.Timestamp!.Value.HasDate);
        Assert.Equal("Creating proxy session failed, session ID = 0x0", entry.EventMessage);
        Assert.Equal(0, read.Summary.UnparsedLines);
    }

    [Fact]
    public void ReadsDoubleSpacedPaste()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "default\t17:37:20.817355 +0200\tkernel\tH264SecurityCheck ERROR: queue full",
            "",
            "default\t17:37:20.818101 +0200\tkernel\tAVE ERROR: invalid"));
        Assert.Equal(2, read.Entries.Count);
        Assert.Equal(3, read.Summary.Lines);
        Assert.Equal(0, read.Summary.UnparsedLines);
    }
}
