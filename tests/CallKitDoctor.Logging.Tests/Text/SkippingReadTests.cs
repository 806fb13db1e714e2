using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Text;

namespace CallKitDoctor.Logging.Tests.Text;

/// <summary>
/// A skipping read (<see cref="ILineSkippingSource"/>) must give the same sequence a screened read gives, with each
/// screened-out entry replaced in place by one call to the sink carrying its time, process and place, read ahead on
/// a worker or not, and the same counts.
/// </summary>
public class SkippingReadTests
{
    private const string Header = "Timestamp                       Thread     Type        Activity             PID    TTL  ";

    private static readonly string[] Body =
    [
        "2025-10-23 16:01:52.100000+1100 0x1f3      Default     0x0                  34     0    SpringBoard: (FrontBoard) [com.apple.FrontBoard:Process] Setting process visibility to: Background",
        "2025-10-23 16:01:52.259438+1100 0x1a2b3    Error       0x4f2a1              112    14   callservicesd: (AudioSession) [com.apple.coreaudio:as_client]     AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x0, error = <NSError:0x6000 - {",
        "    NSLocalizedDescription = \"Session lookup failed\";",
        "}>",
        "",
        "this line matches no layout",
        "2025-10-23 16:03:00.000000+1100 0x7a2      Info        0x0                  88     0    locationd: [com.apple.locationd.Core:Client] Client com.apple.springboard disconnected",
        "2025-10-23 16:03:01.000000+1100 0x2c41     Default     0x0                  127    0    callservicesd: [com.apple.calls.callkit:Default] Received -[CXCallSource reportNewIncomingCallWithUUID:update:reply:] with UUID: <private>",
    ];

    public static TheoryData<int, bool, int> Cases()
    {
        var data = new TheoryData<int, bool, int>();
        foreach (var copies in new[] { 1, 3, 700 })
        {
            foreach (var readAhead in new[] { false, true })
            {
                foreach (var seed in new[] { 0, 1, 2 })
                {
                    data.Add(copies, readAhead, seed);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SkippedEntriesReachTheSinkInThePlaceOfTheScreenedOutOnes(int copies, bool readAhead, int seed)
    {
        var text = Log(copies);
        var (screened, screenedSummary) = Screened(text, seed, readAhead);
        var source = Open(text, readAhead);
        var sequence = new List<object>();
        var sink = new RecordingSink(sequence);
        foreach (var entry in source.ReadEntries(new RandomScreen(seed), sink))
        {
            Assert.False(entry.IsScreenedOut);
            sequence.Add(entry);
        }

        Assert.Equal(screened.Count, sequence.Count);
        Assert.Contains(sequence, s => s is Skip);
        Assert.Contains(sequence, s => s is LogEntry);
        for (var i = 0; i < screened.Count; i++)
        {
            var expected = screened[i];
            if (expected.IsScreenedOut)
            {
                var skip = Assert.IsType<Skip>(sequence[i]);
                Assert.Equal(expected.Timestamp, skip.Timestamp);
                Assert.Equal(expected.Process, skip.Process);
                Assert.Equal(expected.Location, skip.Location);
            }
            else
            {
                var entry = Assert.IsType<LogEntry>(sequence[i], exactMatch: false);
                Assert.Equal(expected.RawText, entry.RawText);
                Assert.Equal(expected.EventMessage, entry.EventMessage);
                Assert.Equal(expected.Location, entry.Location);
                Assert.Equal(expected.Timestamp, entry.Timestamp);
                Assert.Equal(expected.SourceLocation, entry.SourceLocation);
            }
        }

        Assert.Equal(screenedSummary.Entries, source.Summary.Entries);
        Assert.Equal(screenedSummary.EntriesWithoutTimestamp, source.Summary.EntriesWithoutTimestamp);
        Assert.Equal(screenedSummary.Lines, source.Summary.Lines);
        Assert.Equal(screenedSummary.Bytes, source.Summary.Bytes);
        Assert.Equal(screenedSummary.UnparsedLineNumbers, source.Summary.UnparsedLineNumbers);
    }

    [Fact]
    public void JsonExportsYieldEveryEntryAndSkipNothing()
    {
        const string ndjson = "{\"timestamp\":\"2025-10-23 16:00:39.916170+1100\",\"processImagePath\":\"/usr/libexec/callservicesd\",\"eventMessage\":\"hello\",\"messageType\":\"Default\"}\n";
        var source = Assert.IsAssignableFrom<ILineSkippingSource>(LogSources.FromText(ndjson, "x.ndjson", LogInputFormat.LogShowNdjson));
        var sequence = new List<object>();

        var entry = Assert.Single(source.ReadEntries(new RandomScreen(-1), new RecordingSink(sequence)));
        Assert.Equal("hello", entry.EventMessage);
        Assert.Empty(sequence);
    }

    private static string Log(int copies)
    {
        var lines = new List<string> { Header };
        for (var i = 0; i < copies; i++)
        {
            lines.AddRange(Body);
        }

        return string.Join('\n', lines) + "\n";
    }

    private static ILineSkippingSource Open(string text, bool readAhead)
    {
        var source = Assert.IsAssignableFrom<PreparedInputSource>(LogSources.FromText(text, "test.log"));
        source.ReadAhead = readAhead;
        return source;
    }

    private static (List<LogEntry> Entries, LogReadSummary Summary) Screened(string text, int seed, bool readAhead)
    {
        var source = Open(text, readAhead);
        List<LogEntry> entries = [.. source.ReadEntries(new RandomScreen(seed))];
        return (entries, source.Summary);
    }

    private sealed record Skip(LogTimestamp? Timestamp, string? Process, InputLocation Location);

    private sealed class RecordingSink(List<object> sequence) : ISkippedLineSink
    {
        public void Skipped(LogTimestamp? timestamp, string? process, in InputLocation location) =>
            sequence.Add(new Skip(timestamp, process, location));
    }

    /// <summary>Wants entries by a hash of their message and a seed, so two reads with one seed want the same ones.</summary>
    private sealed class RandomScreen(int seed) : IEntryScreen
    {
        public bool Wants(in EntryPreview preview)
        {
            if (seed < 0)
            {
                return false;
            }

            var hash = seed;
            foreach (var c in preview.Message)
            {
                hash = unchecked((hash * 31) + c);
            }

            return ((hash >> 3) & 1) == 0;
        }
    }
}
