using System.Globalization;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Predicates;
using CallKitDoctor.Logging.Filtering.Time;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Tracev3;
using CallKitDoctor.Scenarios.Bench;

namespace CallKitDoctor.Scenarios.Tests.PushDown;

/// <summary>
/// The predicate pushed down to the tracev3 catalogs (<see cref="CatalogFilter"/>) on a generated archive of many
/// processes, subsystems and levels: for every predicate shape (each key the catalog knows, IN, BEGINSWITH, NOT, OR
/// mixes, terms it cannot decide) a pushed-down read yields exactly the entries an unfiltered read yields once
/// filtered; and selective predicates really leave chunks unread.
/// </summary>
public sealed class PredicatePushDownTests(PredicatePushDownTests.Archive archive) : IClassFixture<PredicatePushDownTests.Archive>
{
    /// <summary>A bench archive written once for the class, with its unfiltered entries and a few of their values.</summary>
    public sealed class Archive : IDisposable
    {
        private readonly TempFolder _folder = new();

        public Archive()
        {
            new BenchArchiveWriter(seed: 11) { EntriesPerFile = 4000 }.Write(_folder.Path, 400 * 1024);
            var source = new UnifiedLogSource(_folder.Path, new UnifiedLogOptions { ReadAhead = false });
            Entries = [.. source.ReadEntries()];
            Statistics = source.Statistics;
            // Values taken from the data (a busy and a rare subsystem, a process, a pid), so the predicates stay meaningful.
            var bySubsystem = Entries.GroupBy(e => e.Subsystem!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            BusySubsystem = bySubsystem[0].Key;
            RareSubsystem = bySubsystem[^1].Key;
            RareCategory = bySubsystem[^1].First().Category!;
            var byProcess = Entries.GroupBy(e => e.Process!).OrderBy(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            RareProcess = byProcess[0].Key;
            RarePid = Entries.Where(e => e.Process == RareProcess).GroupBy(e => e.ProcessId!.Value).OrderBy(g => g.Count()).First().Key;
        }

        public string Path => _folder.Path;

        public List<LogEntry> Entries { get; }

        public List<Tracev3Statistics> Statistics { get; }

        public string BusySubsystem { get; }

        public string RareSubsystem { get; }

        public string RareCategory { get; }

        public string RareProcess { get; }

        public int RarePid { get; }

        public string Expand(string template) => template
            .Replace("{busy}", BusySubsystem, StringComparison.Ordinal)
            .Replace("{rare}", RareSubsystem, StringComparison.Ordinal)
            .Replace("{category}", RareCategory, StringComparison.Ordinal)
            .Replace("{process}", RareProcess, StringComparison.Ordinal)
            .Replace("{pid}", RarePid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        public void Dispose() => _folder.Dispose();
    }

    private static string Key(LogEntry e) => $"{e.Location}|{e.Timestamp}|{e.Process}|{e.Subsystem}|{e.Level}|{e.EventMessage}";

    private static EntryFilter Filter(string predicate, LevelInclusion levels)
    {
        Assert.True(LogPredicate.TryParse(predicate, out var parsed, out var error), error?.Message);
        return new EntryFilter(parsed, TimeRange.All, levels);
    }

    private List<LogEntry> ReadPushedDown(EntryFilter filter, bool readAhead, out UnifiedLogSource source)
    {
        source = new UnifiedLogSource(archive.Path, new UnifiedLogOptions { Filter = filter, ReadAhead = readAhead });
        return [.. source.ReadEntries()];
    }

    [Fact]
    public void TheArchiveHasManyProcessesSubsystemsAndLevels()
    {
        Assert.True(archive.Entries.Select(e => e.Process).Distinct().Count() >= 10);
        Assert.True(archive.Entries.Select(e => e.Subsystem).Distinct().Count() >= 5);
        Assert.Equal(5, archive.Entries.Select(e => e.Level).Distinct().Count());
        Assert.True(archive.Statistics.Sum(s => s.Chunksets) >= 4);
        Assert.NotEqual(archive.BusySubsystem, archive.RareSubsystem);
    }

    [Theory]
    [InlineData("subsystem == \"{busy}\"")]
    [InlineData("subsystem == \"{rare}\"")]
    [InlineData("subsystem != \"{busy}\"")]
    [InlineData("NOT subsystem == \"{busy}\"")]
    [InlineData("subsystem IN {\"{rare}\", \"{busy}\"}")]
    [InlineData("subsystem BEGINSWITH \"com.apple.\"")]
    [InlineData("subsystem BEGINSWITH[c] \"COM.APPLE.C\"")]
    [InlineData("subsystem ENDSWITH \"d\" OR subsystem CONTAINS \"audio\"")]
    [InlineData("subsystem LIKE \"*.calls.*\"")]
    [InlineData("subsystem MATCHES \"com\\\\.apple\\\\.[a-m].*\"")]
    [InlineData("category == \"{category}\"")]
    [InlineData("subsystem == \"{rare}\" AND category != \"{category}\"")]
    [InlineData("process == \"{process}\"")]
    [InlineData("process ==[c] \"{process}\" OR subsystem == \"{rare}\"")]
    [InlineData("processImagePath ENDSWITH \"/{process}\"")]
    [InlineData("processImagePath BEGINSWITH \"/usr/\"")]
    [InlineData("processIdentifier == {pid}")]
    [InlineData("processIdentifier > 2000 AND NOT processIdentifier IN {{pid}, 4}")]
    [InlineData("messageType == error")]
    [InlineData("messageType >= error AND subsystem == \"{busy}\"")]
    [InlineData("logType == debug OR process == \"{process}\"")]
    [InlineData("eventType == logEvent AND subsystem == \"{rare}\"")]
    [InlineData("subsystem == \"{busy}\" AND eventMessage CONTAINS \"Call\"")]
    [InlineData("subsystem == \"{rare}\" OR eventMessage CONTAINS[c] \"done\"")]
    [InlineData("NOT (process == \"{process}\" OR subsystem == \"{busy}\") AND messageType == fault")]
    [InlineData("sender == \"CallKit\" AND subsystem == \"{busy}\"")]
    [InlineData("formatString BEGINSWITH \"Call\" OR processIdentifier == {pid}")]
    [InlineData("threadIdentifier > 0 AND subsystem == \"{rare}\"")]
    [InlineData("subsystem == \"no.such.subsystem\"")]
    [InlineData("TRUEPREDICATE")]
    public void APushedDownReadYieldsExactlyTheMatchingEntries(string template)
    {
        var text = archive.Expand(template);
        foreach (var levels in new[] { LevelInclusion.Everything, LevelInclusion.Default })
        {
            var filter = Filter(text, levels);
            var expected = archive.Entries.Where(filter.Matches).Select(Key).ToList();
            foreach (var readAhead in new[] { false, true })
            {
                var pushed = ReadPushedDown(filter, readAhead, out var source);

                Assert.Equal(expected, pushed.Where(filter.Matches).Select(Key).ToList());
                Assert.False(source.Summary.IsPartial, string.Join("\n", source.Summary.Issues));
            }
        }
    }

    [Fact]
    public void ARareProcessLeavesMostFirehoseChunksUnwalked()
    {
        var filter = Filter(archive.Expand("processIdentifier == {pid}"), LevelInclusion.Everything);

        var pushed = ReadPushedDown(filter, readAhead: false, out var source);

        Assert.NotEmpty(pushed);
        var skipped = source.Statistics.Sum(s => s.SkippedFirehoseChunks);
        var walked = source.Statistics.Sum(s => s.FirehoseChunks) - skipped;
        Assert.True(skipped > 4 * walked, $"{skipped} firehose chunks skipped, {walked} walked");
        Assert.True(source.Statistics.Sum(s => s.Events(TraceEventKind.Log)) < archive.Statistics.Sum(s => s.Events(TraceEventKind.Log)) / 4);
    }

    [Fact]
    public void APredicateNoProcessCanMatchLeavesEveryChunksetCompressed()
    {
        var filter = Filter("processIdentifier == 1 OR process == \"no-such-daemon\"", LevelInclusion.Everything);

        var pushed = ReadPushedDown(filter, readAhead: false, out var source);

        Assert.Empty(pushed);
        Assert.Equal(source.Statistics.Sum(s => s.Chunksets), source.Statistics.Sum(s => s.SkippedChunksets));
        Assert.Equal(0, source.Statistics.Sum(s => s.DecompressedBytes));
        Assert.True(source.Statistics.Sum(s => s.Chunksets) >= 4);
    }

    [Fact]
    public void APredicateOnTheMessageAloneSkipsNothing()
    {
        var filter = Filter("eventMessage CONTAINS \"Call\"", LevelInclusion.Everything);

        ReadPushedDown(filter, readAhead: false, out var source);

        Assert.Equal(0, source.Statistics.Sum(s => s.SkippedChunksets));
        Assert.Equal(0, source.Statistics.Sum(s => s.SkippedFirehoseChunks));
        Assert.Equal(archive.Statistics.Sum(s => s.DecompressedBytes), source.Statistics.Sum(s => s.DecompressedBytes));
    }
}
