using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Scenarios.Bench;

namespace CallKitDoctor.Scenarios.Tests.Writers;

/// <summary>The benchmark archive (set b): several files whose every format string resolves through the reader.</summary>
public sealed class BenchArchiveWriterTests
{
    [Fact]
    public void EveryEntryResolvesAndEveryFileFollowsThePreviousOne()
    {
        using var folder = new TempFolder();
        var summary = new BenchArchiveWriter(seed: 3) { EntriesPerFile = 3000 }.Write(folder.Path, 200 * 1024);

        var source = new UnifiedLogSource(folder.Path, new UnifiedLogOptions { ReadAhead = false });
        var entries = source.ReadEntries().ToList();

        Assert.True(summary.TraceFiles >= 2, $"{summary.TraceFiles} files");
        Assert.Equal(summary.TraceBytes, Directory.EnumerateFiles(Path.Combine(folder.Path, "Persist")).Sum(f => new FileInfo(f).Length));
        Assert.Equal(summary.Entries, entries.Count);
        Assert.False(source.Summary.IsPartial, string.Join("\n", source.Summary.Issues));
        Assert.All(entries, e => Assert.DoesNotContain("<decode", e.EventMessage, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("Invalid image", e.EventMessage, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.NotNull(e.FormatString));
        Assert.All(entries, e => Assert.NotNull(e.SenderImagePath));
        Assert.Contains(entries, e => e.EventMessage.Contains("<private>", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EventMessage.StartsWith("Call item-", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.SenderImagePath == "/System/Library/Frameworks/CallKit.framework/CallKit");
        Assert.True(entries.Select(e => e.ProcessId).Distinct().Count() >= 20);
        Assert.Equal(5, entries.Select(e => e.Level).Distinct().Count());
        Assert.Equal(entries.Select(e => e.Timestamp), entries.Select(e => e.Timestamp).Order());
        Assert.All(entries, e => Assert.Equal(TimeSpan.FromHours(11), e.Timestamp!.Value.Offset));
        Assert.Equal(LogLevel.Default, entries.GroupBy(e => e.Level).MaxBy(g => g.Count())!.Key);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60 * 1024)]
    [InlineData(250 * 1024)]
    public void WritesAtLeastTheTargetAndAtMostAboutOneFileMore(long target)
    {
        using var folder = new TempFolder();
        var summary = new BenchArchiveWriter(seed: 11) { EntriesPerFile = 1500 }.Write(folder.Path, target);

        var sizes = Directory.EnumerateFiles(Path.Combine(folder.Path, "Persist"), "*.tracev3").Order(StringComparer.Ordinal).Select(f => new FileInfo(f).Length).ToList();
        Assert.Equal(summary.TraceFiles, sizes.Count);
        Assert.Equal(summary.TraceBytes, sizes.Sum());
        Assert.Equal(1500L * sizes.Count, summary.Entries);
        Assert.True(summary.TraceBytes >= target, $"{summary.TraceBytes} < {target}");
        // The file in flight is estimated from the one before it: at most one file beyond the one that reached the target.
        if (sizes.Count >= 2)
        {
            Assert.True(summary.TraceBytes - sizes[^1] - sizes[^2] < target, $"{sizes.Count} files for {target}");
        }
    }

    [Fact]
    public void TheSameSeedWritesTheSameBytes()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        new BenchArchiveWriter(seed: 5) { EntriesPerFile = 500 }.Write(a.Path, 1);
        new BenchArchiveWriter(seed: 5) { EntriesPerFile = 500 }.Write(b.Path, 1);

        var first = Directory.EnumerateFiles(a.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(first);
        foreach (var file in first)
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(b.Path, Path.GetRelativePath(a.Path, file))));
        }
    }
}
