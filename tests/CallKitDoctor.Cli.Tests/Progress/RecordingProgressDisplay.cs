using CallKitDoctor.Cli.Progress;

namespace CallKitDoctor.Cli.Tests.Progress;

/// <summary>A progress display that records every report (and asks for all of them: no interval).</summary>
internal sealed class RecordingProgressDisplay : IProgressDisplay, IProgressSink
{
    public TimeSpan Interval => TimeSpan.Zero;

    public List<(string Label, long Total)> Runs { get; } = [];

    /// <summary>The unit of each run, in order.</summary>
    public List<ProgressUnit> Units { get; } = [];

    public List<ReadProgress> Reports { get; } = [];

    public T Run<T>(string label, long total, Func<IProgressSink?, T> work, ProgressUnit unit = ProgressUnit.Bytes)
    {
        Runs.Add((label, total));
        Units.Add(unit);
        return work(this);
    }

    public void Report(ReadProgress progress)
    {
        lock (Reports)
        {
            Reports.Add(progress);
        }
    }

    /// <summary>Asserts that bytes, entries and time never go down and that bytes stay within the total.</summary>
    public void AssertMonotone()
    {
        Assert.NotEmpty(Reports);
        for (var i = 1; i < Reports.Count; i++)
        {
            Assert.True(Reports[i].BytesRead >= Reports[i - 1].BytesRead, $"bytes went down at report {i}");
            Assert.True(Reports[i].Entries >= Reports[i - 1].Entries, $"entries went down at report {i}");
            Assert.True(Reports[i].Elapsed >= Reports[i - 1].Elapsed, $"time went down at report {i}");
        }

        Assert.All(Reports, r => Assert.True(r.TotalBytes == 0 || r.BytesRead <= r.TotalBytes, $"{r.BytesRead} of {r.TotalBytes}"));
    }
}
