using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified;

public sealed class TimeOrderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ckd-timeorder-" + Guid.NewGuid().ToString("N"));

    public TimeOrderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static LogEntry At(int second, string message) => new(message)
    {
        Timestamp = new LogTimestamp(new DateTime(2025, 1, 1, 0, 0, second), TimeSpan.Zero),
    };

    [Fact]
    public void MergesByTimeKeepingEachFilesOrder()
    {
        var files = new Dictionary<string, LogEntry[]>
        {
            ["a"] = [At(1, "a1"), At(4, "a4"), At(3, "a3-late"), At(9, "a9")],
            ["b"] = [At(2, "b2"), At(4, "b4"), At(5, "b5")],
            ["c"] = [At(20, "c20")],
            ["empty"] = [],
        };
        var opened = new List<string>();

        var merged = new TimeOrderedMerge([.. files.Keys], f => files[f].FirstOrDefault()?.Timestamp, f =>
        {
            opened.Add(f);
            return files[f];
        }).Read().Select(e => e.EventMessage).ToList();

        Assert.Equal(["a1", "b2", "a4", "a3-late", "b4", "b5", "a9", "c20"], merged);
        Assert.Equal("c", opened[^1]);
    }

    [Fact]
    public void OpensAFileOnlyWhenTheMergeReachesItsStart()
    {
        var files = new Dictionary<string, LogEntry[]>
        {
            ["early"] = [At(1, "e1"), At(2, "e2")],
            ["late"] = [At(10, "l10")],
        };
        var openedBeforeSecond = false;
        var opened = new HashSet<string>();
        var merge = new TimeOrderedMerge([.. files.Keys], f => files[f][0].Timestamp, f =>
        {
            opened.Add(f);
            return files[f];
        });

        foreach (var entry in merge.Read())
        {
            if (entry.EventMessage == "e1")
            {
                openedBeforeSecond = opened.Contains("late");
            }
        }

        Assert.False(openedBeforeSecond);
        Assert.Contains("late", opened);
    }

    [Fact]
    public void ArchiveOfTwoCopiesInterleavesEqualTimes()
    {
        var image = Tracev3Image.File(Tracev3Image.Lz4(Tracev3Image.SampleContent()));
        Directory.CreateDirectory(Path.Combine(_dir, "Persist"));
        Directory.CreateDirectory(Path.Combine(_dir, "Special"));
        File.WriteAllBytes(Path.Combine(_dir, "Persist", "0000000000000001.tracev3"), image);
        File.WriteAllBytes(Path.Combine(_dir, "Special", "0000000000000002.tracev3"), image);

        var single = new UnifiedLogSource(Path.Combine(_dir, "Persist", "0000000000000001.tracev3")).ReadEntries().Select(e => e.MachTimestamp).ToList();
        var source = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true });
        var merged = source.ReadEntries().Select(e => e.MachTimestamp).ToList();

        Assert.Equal(single.SelectMany(t => new[] { t, t }), merged);
        Assert.Equal(2 * single.Count, source.Summary.Entries);
    }

    [SkippableFact]
    public void RealFilesMergedKeepPerFileOrderAndAllEntries()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var names = new[] { "0000000000000030.tracev3", "0000000000000f85.tracev3" };
        foreach (var name in names)
        {
            File.Copy(SharedData.PathOf("testdata", "unified_logging", name)!, Path.Combine(_dir, name));
        }

        var perFile = names.ToDictionary(n => n, n => new UnifiedLogSource(Path.Combine(_dir, n)).ReadEntries().Select(e => e.Location.ByteOffset).ToList());
        var merged = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true }).ReadEntries()
            .Select(e => (File: Path.GetFileName(e.Location.Source)!, e.Location.ByteOffset, e.Timestamp)).ToList();

        Assert.Equal(perFile.Values.Sum(v => v.Count), merged.Count);
        foreach (var name in names)
        {
            Assert.Equal(perFile[name], merged.Where(m => m.File == name).Select(m => m.ByteOffset).ToList());
        }
    }
}
