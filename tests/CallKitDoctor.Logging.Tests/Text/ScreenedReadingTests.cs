using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Text;

/// <summary>
/// Reading through an <see cref="IEntryScreen"/>: entries the screen turns down come screened out, in their place, with
/// every field read before the message; the others are exactly what an unscreened read gives; counts do not change.
/// </summary>
public class ScreenedReadingTests
{
    private const string DefaultHeader = "Timestamp                       Thread     Type        Activity             PID    TTL  ";

    private static readonly string DefaultLog = ReadResult.Lines(
        DefaultHeader,
        "2025-10-23 16:01:52.100000+1100 0x1f3      Default     0x0                  34     0    SpringBoard: (FrontBoard) [com.apple.FrontBoard:Process] Setting process visibility to: Background",
        "2025-10-23 16:01:52.259438+1100 0x1a2b3    Error       0x4f2a1              112    14   callservicesd: (AudioSession) [com.apple.coreaudio:as_client]     AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x0, error = <NSError:0x6000 - {",
        "    NSLocalizedDescription = \"Session lookup failed\";",
        "}>",
        "",
        "this line matches no layout",
        "2025-10-23 16:03:00.000000+1100 0x7a2      Info        0x0                  88     0    locationd: [com.apple.locationd.Core:Client] Client com.apple.springboard disconnected",
        "2025-10-23 16:03:01.000000+1100 0x2c41     Default     0x0                  127    0    callservicesd: [com.apple.calls.callkit:Default] Received -[CXCallSource reportNewIncomingCallWithUUID:update:reply:] with UUID: <private>");

    [Fact]
    public void AScreenThatWantsNothingKeepsEveryFieldReadBeforeTheMessage()
    {
        var full = ReadResult.Of(DefaultLog);
        var (screened, source) = ReadScreened(DefaultLog, new RecordingScreen(_ => false));

        Assert.Equal(full.Entries.Count, screened.Count);
        Assert.Equal(5, screened.Count);
        for (var i = 0; i < screened.Count; i++)
        {
            var (expected, actual) = (full.Entries[i], screened[i]);
            Assert.True(actual.IsScreenedOut);
            Assert.False(expected.IsScreenedOut);
            Assert.Null(actual.RawText);
            Assert.Equal("", actual.EventMessage);
            Assert.Null(actual.SourceLocation);
            Assert.Equal(expected.Timestamp, actual.Timestamp);
            Assert.Equal(expected.Process, actual.Process);
            Assert.Equal(expected.ProcessId, actual.ProcessId);
            Assert.Equal(expected.ThreadId, actual.ThreadId);
            Assert.Equal(expected.Sender, actual.Sender);
            Assert.Equal(expected.Subsystem, actual.Subsystem);
            Assert.Equal(expected.Category, actual.Category);
            Assert.Equal(expected.Level, actual.Level);
            Assert.Equal(expected.EventType, actual.EventType);
            Assert.Equal(expected.ActivityIdentifier, actual.ActivityIdentifier);
            Assert.Equal(expected.Location, actual.Location);
        }

        AssertSameCounts(full.Summary, source.Summary);
        Assert.Equal(1, source.Summary.UnparsedLines);
        Assert.Equal([7L], source.Summary.UnparsedLineNumbers);
    }

    [Fact]
    public void WantedEntriesAreTheSameAsWithoutAScreen()
    {
        var full = ReadResult.Of(DefaultLog);
        var (screened, _) = ReadScreened(DefaultLog, new RecordingScreen(p => p.Process == "callservicesd"));

        Assert.Equal([false, true, false, false, true], screened.Select(e => !e.IsScreenedOut).ToArray());
        foreach (var i in new[] { 1, 4 })
        {
            Assert.Equal(full.Entries[i].RawText, screened[i].RawText);
            Assert.Equal(full.Entries[i].EventMessage, screened[i].EventMessage);
            Assert.Equal(full.Entries[i].SourceLocation, screened[i].SourceLocation);
            Assert.Equal(full.Entries[i].Location, screened[i].Location);
        }

        Assert.Equal(new SourceLocation("AVAudioSession_iOS.mm", 597), screened[1].SourceLocation);
    }

    [Fact]
    public void TheScreenSeesTheWholeMessageAndTheNamesTheEntryWillCarry()
    {
        var full = ReadResult.Of(DefaultLog);
        var screen = new RecordingScreen(_ => true);
        var (screened, _) = ReadScreened(DefaultLog, screen);

        Assert.Equal(full.Entries.Count, screen.Seen.Count);
        for (var i = 0; i < full.Entries.Count; i++)
        {
            var entry = full.Entries[i];
            var seen = screen.Seen[i];
            Assert.Equal(entry.EventMessage, seen.Message);
            Assert.Equal(entry.Process, seen.Process);
            Assert.Equal(entry.Subsystem, seen.Subsystem);
            Assert.Equal(entry.Category, seen.Category);
            Assert.Equal(entry.Level, seen.Level);
            Assert.False(screened[i].IsScreenedOut);
        }

        // The continuation lines of the proxy-session error are part of what the screen is shown.
        Assert.EndsWith("\"Session lookup failed\";\n}>", screen.Seen[1].Message);
    }

    [Fact]
    public void ConsoleAndXcodeCapturesAreScreenedToo()
    {
        var xcode = ReadResult.Lines(
            "2020-09-25 11:24:47.032573+0200 ObjCVoiceQuickstart[644:74122] provider:didActivateAudioSession:",
            "bare print() output",
            "2020-09-25 11:24:48.000000+0200 ObjCVoiceQuickstart[644:74122] something else");
        var full = ReadResult.Of(xcode);
        var (screened, source) = ReadScreened(xcode, new RecordingScreen(p => p.Message.Contains("didActivate", StringComparison.Ordinal)));

        Assert.Equal(LogInputFormat.Xcode, source.Summary.Format);
        Assert.Equal([false, true, true], screened.Select(e => e.IsScreenedOut).ToArray());
        Assert.Equal(full.Entries[0].EventMessage, screened[0].EventMessage);
        Assert.Equal(full.Entries.Select(e => e.Timestamp), screened.Select(e => e.Timestamp));
        AssertSameCounts(full.Summary, source.Summary);
    }

    [Fact]
    public void JsonExportsIgnoreTheScreen()
    {
        const string ndjson = "{\"timestamp\":\"2025-10-23 16:00:39.916170+1100\",\"processImagePath\":\"/usr/libexec/callservicesd\",\"eventMessage\":\"hello\",\"messageType\":\"Default\"}\n";
        var source = LogSources.FromText(ndjson, "x.ndjson", LogInputFormat.LogShowNdjson);
        var screened = Assert.IsAssignableFrom<IScreenedEntrySource>(source);

        var entry = Assert.Single(screened.ReadEntries(new RecordingScreen(_ => false)));
        Assert.False(entry.IsScreenedOut);
        Assert.Equal("hello", entry.EventMessage);
    }

    [Fact]
    public void ReadingAgainWithoutAScreenGivesFullEntries()
    {
        var source = Assert.IsAssignableFrom<IScreenedEntrySource>(LogSources.FromText(DefaultLog, "test.log"));
        Assert.All(source.ReadEntries(new RecordingScreen(_ => false)), e => Assert.True(e.IsScreenedOut));
        Assert.All(source.ReadEntries(), e => Assert.False(e.IsScreenedOut));
        Assert.Equal(5, source.Summary.Entries);
    }

    private static (List<LogEntry> Entries, ILogEntrySource Source) ReadScreened(string text, IEntryScreen screen)
    {
        var source = Assert.IsAssignableFrom<IScreenedEntrySource>(LogSources.FromText(text, "test.log"));
        return ([.. source.ReadEntries(screen)], source);
    }

    private static void AssertSameCounts(LogReadSummary expected, LogReadSummary actual)
    {
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Bytes, actual.Bytes);
        Assert.Equal(expected.Entries, actual.Entries);
        Assert.Equal(expected.EntriesWithoutTimestamp, actual.EntriesWithoutTimestamp);
        Assert.Equal(expected.UnparsedLines, actual.UnparsedLines);
        Assert.Equal(expected.UnparsedLineNumbers, actual.UnparsedLineNumbers);
        Assert.Equal(expected.IssueCount, actual.IssueCount);
    }

    /// <summary>What a screen was shown, copied out of the reader's buffer.</summary>
    private sealed record Preview(string? Process, string? Subsystem, string? Category, LogLevel Level, string Message);

    private sealed class RecordingScreen(Func<Preview, bool> wants) : IEntryScreen
    {
        public List<Preview> Seen { get; } = [];

        public bool Wants(in EntryPreview preview)
        {
            var copy = new Preview(preview.Process, preview.Subsystem, preview.Category, preview.Level, preview.Message.ToString());
            Seen.Add(copy);
            return wants(copy);
        }
    }
}
