using System.Text.RegularExpressions;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Text;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Text;

public partial class FormatDetectionTests
{
    [Theory]
    [InlineData("default\t12:05:02.156382 +0530\tcallservicesd\tCall controller host <private> requested transaction <private>", LogInputFormat.Console)]
    [InlineData("par défaut\t19:26:16.378372+0200\tcallservicesd\tlistener: <private> newConnection: <private>", LogInputFormat.Console)]
    [InlineData("13:07:09.895463-0400\tMyCallingApp\t[RNCallKeep][reportNewIncomingCall] uuidString = e1abe4d2", LogInputFormat.Console)]
    [InlineData("error 18:44:22.533627+0800 audiomxd AVAudioSessionXPCServer.mm:404 failed", LogInputFormat.Console)]
    [InlineData("Timestamp                       Thread     Type        Activity             PID    TTL  \n2025-10-28 18:27:47.477213+0800 0x2d1f4    Default     0x0                  112    0    callservicesd: message", LogInputFormat.LogShowDefault)]
    [InlineData("2025-10-28 18:27:47.477213+0800 0x2d1f4    Default     0x0                  112    0    callservicesd: (CallKit) message", LogInputFormat.LogShowDefault)]
    [InlineData("Timestamp               Ty Process[PID:TID]\n2025-10-28 18:27:47.401 Df callservicesd[112:2d1f4] message", LogInputFormat.LogShowCompact)]
    [InlineData("2025-10-28 18:27:47.401 Df callservicesd[112:2d1f4] [com.apple.calls.callservicesd:Default] message", LogInputFormat.LogShowCompact)]
    [InlineData("2025-10-23 16:00:39.916170+1100  localhost Glip[4410]: (CallKit) [com.apple.calls.callkit:Default] message", LogInputFormat.LogShowSyslog)]
    [InlineData("2025-10-23 16:00:39.916170+1100 Glip: (CallKit) [com.apple.calls.callkit:Default] message", LogInputFormat.LogShowExcerpt)]
    [InlineData("2020-09-25 11:24:11.041306+0200 ObjCVoiceQuickstart[644:74122] Twilio Voice Version: 6.0.0", LogInputFormat.Xcode)]
    [InlineData("[aurioc] AURemoteIO.cpp:1086:Initialize: failed: 561017449", LogInputFormat.Xcode)]
    [InlineData("12:45:33_473-730:[CallsProviderDelegate.swift:47 -- providerDidReset(:)] providerDidReset", LogInputFormat.Xcode)]
    [InlineData("StartCallAction transaction request failed: The operation couldn’t be completed.", LogInputFormat.Xcode)]
    [InlineData("AppVariant:          1:iPhone12,1:17.4\nOS Version:          iPhone OS 17.4.1 (21E236)\nTermination Reason: FRONTBOARD 0xbaadca11", LogInputFormat.CrashReport)]
    [InlineData("[{\"eventMessage\":\"x\"}]", LogInputFormat.LogShowJson)]
    [InlineData("[\n  {\n    \"traceID\" : 1", LogInputFormat.LogShowJson)]
    [InlineData("{\"eventMessage\":\"x\"}\n{\"count\":1,\"finished\":1}", LogInputFormat.LogShowNdjson)]
    public void DetectsEveryFormat(string text, LogInputFormat expected) => Assert.Equal(expected, LogFormatDetector.Detect(text.AsSpan()));

    [Fact]
    public void ForcedFormatWins()
    {
        var source = LogSources.FromText("default\t12:05:02.156382 +0530\tcallservicesd\tmessage\n", "x", LogInputFormat.Plain);
        Assert.Equal(LogInputFormat.Plain, source.Summary.Format);
        Assert.Equal("default\t12:05:02.156382 +0530\tcallservicesd\tmessage", Assert.Single(source.ReadEntries()).EventMessage);
    }

    [Fact]
    public void DetectionLooksOnlyAtABoundedPrefix()
    {
        // 300 bare lines, then Console lines: the prefix decides (bare lines read as an Xcode console).
        var text = string.Concat(Enumerable.Repeat("bare text\n", LogFormatDetector.MaxLines + 100)) +
                   "default\t12:05:02.156382 +0530\tcallservicesd\tmessage\n";
        Assert.Equal(LogInputFormat.Xcode, LogFormatDetector.Detect(text.AsSpan()));
    }

    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        var dir = SharedData.PathOf("callkit", "cases");
        if (dir is not null && Directory.Exists(dir))
        {
            foreach (var file in Directory.GetFiles(dir, "*.log").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }
        else
        {
            data.Add("(shared data missing)");
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CaseFiles))]
    public void EveryCaseFileReadsWell(string fileName)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var path = SharedData.PathOf("callkit", "cases", fileName)!;
        var lines = File.ReadAllText(path).Split('\n');
        if (lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        var read = ReadResult.Of(LogSources.Open(path));

        // The detected format is sensible for the capture.
        var format = read.Summary.Format;
        Assert.NotEqual(LogInputFormat.Unified, format);
        Assert.NotEqual(LogInputFormat.Auto, format);
        if (fileName.Contains("console", StringComparison.Ordinal) || fileName.Contains("-fr.", StringComparison.Ordinal))
        {
            Assert.Equal(LogInputFormat.Console, format);
        }
        else if (fileName.Contains("crashreport", StringComparison.Ordinal))
        {
            Assert.Equal(LogInputFormat.CrashReport, format);
        }
        else if (fileName.Contains("xcode", StringComparison.Ordinal))
        {
            Assert.Equal(LogInputFormat.Xcode, format);
        }

        // Counts add up and nothing is lost.
        Assert.Equal(lines.Length, read.Summary.Lines);
        Assert.Equal(read.Entries.Count, read.Summary.Entries);
        Assert.Empty(read.Summary.Issues);

        // Unparsed lines are only banners.
        foreach (var number in read.Summary.UnparsedLineNumbers)
        {
            Assert.True(BannerLine.Is(lines[number - 1]), $"line {number} unparsed: {lines[number - 1]}");
        }

        // Every line is blank, ignored, or inside exactly one entry whose raw text holds it verbatim.
        var owner = new int[lines.Length + 1];
        for (var i = 0; i < read.Entries.Count; i++)
        {
            var entry = read.Entries[i];
            var first = entry.Location.Line;
            var last = Math.Max(first, entry.Location.EndLine);
            Assert.Equal(string.Join('\n', lines[(int)(first - 1)..(int)last]).Replace("\r", "", StringComparison.Ordinal), entry.RawText);
            for (var l = first; l <= last; l++)
            {
                Assert.Equal(0, owner[l]);
                owner[l] = i + 1;
            }
        }

        // Every line that starts with a timestamp starts an entry that has it.
        for (var n = 1; n <= lines.Length; n++)
        {
            if (!TimestampedLine().IsMatch(lines[n - 1]))
            {
                continue;
            }

            Assert.True(owner[n] > 0, $"line {n} belongs to no entry");
            var entry = read.Entries[owner[n] - 1];
            Assert.Equal(n, entry.Location.Line);
            Assert.NotNull(entry.Timestamp);
        }
    }

    [GeneratedRegex(@"^([^\t]{1,20}\t)?(\d{4}-\d\d-\d\d[ T])?\d\d:\d\d:\d\d[._]\d+")]
    private static partial Regex TimestampedLine();
}
