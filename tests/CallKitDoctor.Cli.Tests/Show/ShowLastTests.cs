using System.Globalization;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Time;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Cli.Tests.Show;

/// <summary>
/// <c>show --last</c> on unified logs: the anchor (the log's last entry) comes from the tracev3 catalogs without
/// reading the entries, and a packed sysdiagnose is read once (the reader is given the anchored filter when its
/// logarchive is on disk) with the same entries as before.
/// </summary>
public sealed class ShowLastTests(ShowInputs inputs) : IClassFixture<ShowInputs>
{
    private string LogArchive => Directory.EnumerateDirectories(inputs.SysdiagnoseFolder, "*.logarchive", SearchOption.AllDirectories).Single();

    [Fact]
    public void EndFromCatalogsIsTheLastEntryOfAGeneratedLogArchive()
    {
        var fromHeaders = UnifiedLogEnd.Find(LogArchive);

        Assert.NotNull(fromHeaders);
        Assert.Equal(LogEnd.Find(new UnifiedLogSource(LogArchive)), fromHeaders);
    }

    [SkippableFact]
    public void EndFromCatalogsIsTheLastEntryOfRealTracev3Files()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var folder = SharedData.PathOf("testdata", "unified_logging")!;

        foreach (var file in Directory.EnumerateFiles(folder, "*.tracev3"))
        {
            var fromHeaders = UnifiedLogEnd.Find(file);
            var fromEntries = LogEnd.Find(new UnifiedLogSource(file));

            Assert.NotNull(fromHeaders);
            // Catalogs bound each chunkset's events: the last entry can only be at or before the catalogued end.
            Assert.True(fromEntries <= fromHeaders, $"{file}: entries end {fromEntries:O}, catalogs {fromHeaders:O}");
            Assert.True(fromHeaders - fromEntries < TimeSpan.FromSeconds(1), $"{file}: entries end {fromEntries:O}, catalogs {fromHeaders:O}");
        }
    }

    [Fact]
    public void NoTracev3FilesGiveNoEnd()
    {
        Assert.Null(UnifiedLogEnd.Find(inputs.TextLog));
        Assert.Null(UnifiedLogEnd.Find(Path.Combine(inputs.Scratch, "no-such-folder")));
    }

    [Theory]
    [InlineData("tar.gz", "10s")]
    [InlineData("folder", "10s")]
    [InlineData("logarchive", "10s")]
    [InlineData("tar.gz", "3s")]
    public void LastKeepsTheEntriesNearTheLogarchivesEnd(string input, string last)
    {
        var path = input switch
        {
            "tar.gz" => inputs.SysdiagnoseTarGz,
            "folder" => inputs.SysdiagnoseFolder,
            _ => LogArchive,
        };
        var all = ShownEntry.Run(path);
        var span = LastDuration.TryParse(last, out var value, out _) ? value : throw new InvalidOperationException(last);

        var shown = ShownEntry.Run(path, "--last", last);

        var end = LogEnd.Find(new UnifiedLogSource(LogArchive))!.Value;
        Assert.Equal(all.Where(e => Instant(e.Timestamp) >= end - span), shown);
        Assert.InRange(shown.Count, 1, all.Count - 1);
    }

    [Fact]
    public void ArchiveReaderTakesTheResolvedFilterOnceItsLogarchiveIsOnDisk()
    {
        var calls = new List<string>();
        EntryFilter? resolved = null;
        var options = new ArchiveOptions
        {
            ResolveFilter = logArchive =>
            {
                calls.Add(logArchive);
                Assert.True(Directory.Exists(logArchive));
                var end = UnifiedLogEnd.Find(logArchive);
                EntryFilter.TryCreate(new EntryFilterOptions(Last: "10s"), null, end, DateTimeOffset.Now, out resolved, out _);
                return resolved;
            },
        };
        using var source = new SysdiagnoseSource(inputs.SysdiagnoseTarGz, ArchiveLayout.TarGzip, options);

        var entries = source.ReadEntries().ToList();

        Assert.EndsWith(".logarchive", Assert.Single(calls), StringComparison.Ordinal);
        var fromLogArchive = entries.Where(e => e.Location.Source.Contains(".logarchive", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fromLogArchive);
        Assert.All(fromLogArchive, e => Assert.True(resolved!.AcceptsTime(e.Timestamp), e.ToString()));
    }

    private static DateTimeOffset Instant(string logTime) =>
        DateTimeOffset.ParseExact(logTime.Insert(logTime.Length - 2, ":"), "yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
}
