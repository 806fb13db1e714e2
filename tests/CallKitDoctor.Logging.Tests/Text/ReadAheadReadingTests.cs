using System.Globalization;
using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Text;

namespace CallKitDoctor.Logging.Tests.Text;

/// <summary>
/// A screened text read parses on a worker thread (<see cref="PreparedInputSource.ReadAhead"/>): the entries, their
/// order, what the screen decided and every count must be those of the sequential read, over many batches; stopping
/// early and cancelling must work.
/// </summary>
public class ReadAheadReadingTests
{
    private const string Header = "Timestamp                       Thread     Type        Activity             PID    TTL  ";

    [Theory]
    [InlineData(4)]
    [InlineData(1500)]
    [InlineData(PreparedInputSource.ReadAheadBatchSize * PreparedInputSource.ReadAheadBatches * 2 + 7)]
    public void ReadingAheadGivesTheSequentialEntriesAndCounts(int records)
    {
        var text = MixedLog(records);
        var (sequential, sequentialSummary) = Read(text, readAhead: false);
        var (ahead, aheadSummary) = Read(text, readAhead: true);

        Assert.Equal(sequential.Count, ahead.Count);
        Assert.True(sequential.Count >= records * 4 / 5);
        for (var i = 0; i < sequential.Count; i++)
        {
            var (expected, actual) = (sequential[i], ahead[i]);
            Assert.Equal(expected.IsScreenedOut, actual.IsScreenedOut);
            Assert.Equal(expected.Timestamp, actual.Timestamp);
            Assert.Equal(expected.Process, actual.Process);
            Assert.Equal(expected.ProcessId, actual.ProcessId);
            Assert.Equal(expected.ThreadId, actual.ThreadId);
            Assert.Equal(expected.Subsystem, actual.Subsystem);
            Assert.Equal(expected.Category, actual.Category);
            Assert.Equal(expected.Level, actual.Level);
            Assert.Equal(expected.Location, actual.Location);
            Assert.Equal(expected.RawText, actual.RawText);
            Assert.Equal(expected.EventMessage, actual.EventMessage);
            Assert.Equal(expected.SourceLocation, actual.SourceLocation);
        }

        Assert.Contains(ahead, e => e.IsScreenedOut);
        Assert.Contains(ahead, e => !e.IsScreenedOut);
        Assert.Equal(sequentialSummary.Lines, aheadSummary.Lines);
        Assert.Equal(sequentialSummary.Bytes, aheadSummary.Bytes);
        Assert.Equal(sequentialSummary.Entries, aheadSummary.Entries);
        Assert.Equal(sequentialSummary.EntriesWithoutTimestamp, aheadSummary.EntriesWithoutTimestamp);
        Assert.Equal(sequentialSummary.UnparsedLines, aheadSummary.UnparsedLines);
        Assert.Equal(sequentialSummary.UnparsedLineNumbers, aheadSummary.UnparsedLineNumbers);
        Assert.Equal(sequentialSummary.IssueCount, aheadSummary.IssueCount);
        Assert.True(aheadSummary.UnparsedLines > 0);
    }

    [Fact]
    public void StoppingEarlyStopsTheWorkerAndTheSourceCanBeReadAgain()
    {
        var source = Open(MixedLog(20_000), readAhead: true);

        var first = source.ReadEntries(new MessageScreen()).Take(10).ToList();
        var all = source.ReadEntries(new MessageScreen()).Count();

        Assert.Equal(10, first.Count);
        Assert.Equal(all, source.Summary.Entries);
        Assert.True(all > 16_000);
    }

    [Fact]
    public void CancellingStopsTheRead()
    {
        var source = Open(MixedLog(20_000), readAhead: true);
        using var cancel = new CancellationTokenSource();
        var read = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in source.ReadEntries(new MessageScreen(), cancel.Token))
            {
                if (++read == 100)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.Equal(100, read);
    }

    [Fact]
    public void AnUnscreenedReadStaysSequentialAndLazy()
    {
        var source = Open(MixedLog(3000), readAhead: true);

        var entries = source.ReadEntries().ToList();

        // Read ahead, every message would have been built on the worker before its batch was handed over.
        Assert.All(entries, e => Assert.False(e.IsScreenedOut));
        Assert.Contains(entries, e => !e.IsMessageFormatted);
    }

    private static (List<LogEntry> Entries, LogReadSummary Summary) Read(string text, bool readAhead)
    {
        var source = Open(text, readAhead);
        var entries = source.ReadEntries(new MessageScreen()).ToList();
        return (entries, source.Summary);
    }

    private static PreparedInputSource Open(string text, bool readAhead)
    {
        var source = Assert.IsAssignableFrom<PreparedInputSource>(LogSources.FromText(text, "ahead.log"));
        source.ReadAhead = readAhead;
        return source;
    }

    /// <summary>
    /// A log show capture of <paramref name="records"/> records: ordinary lines, a multi-line entry, a line no layout
    /// matches and blank lines, in a repeating pattern.
    /// </summary>
    private static string MixedLog(int records)
    {
        var text = new StringBuilder(Header).Append('\n');
        var start = new DateTime(2025, 10, 23, 16, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; i < records; i++)
        {
            var time = start.AddMilliseconds(i * 7).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+1100";
            switch (i % 5)
            {
                case 0:
                    text.Append(time).Append(" 0x1f3      Default     0x0                  34     0    SpringBoard: (FrontBoard) [com.apple.FrontBoard:Process] visibility ").Append(i).Append('\n');
                    break;
                case 1:
                    text.Append(time).Append(" 0x1a2b3    Error       0x4f2a1              112    14   callservicesd: (AudioSession) [com.apple.coreaudio:as_client]     AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x0, error = <NSError:0x6000 - {\n")
                        .Append("    NSLocalizedDescription = \"Session lookup failed\";\n}>\n");
                    break;
                case 2:
                    text.Append("\na line no layout matches ").Append(i).Append('\n');
                    break;
                case 3:
                    text.Append(time).Append(" 0x2c41     Default     0x0                  127    0    callservicesd: [com.apple.calls.callkit:Default] Received reportNewIncomingCall ").Append(i).Append('\n');
                    break;
                default:
                    text.Append('\n').Append(time).Append(" 0x7a2      Info        0x0                  88     0    locationd: [com.apple.locationd.Core:Client] Client disconnected\n");
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Wants the entries whose message names a call or a session.</summary>
    private sealed class MessageScreen : IEntryScreen
    {
        public bool Wants(in EntryPreview preview) =>
            preview.Message.Contains("session", StringComparison.Ordinal) || preview.Message.Contains("Incoming", StringComparison.Ordinal);
    }
}
