using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Comparisons;
using CallKitDoctor.Fleet.Engine;
using CallKitDoctor.Fleet.Generation;
using CallKitDoctor.Fleet.Telemetry;
using CallKitDoctor.Fleet.Tests.Fixtures;

namespace CallKitDoctor.Fleet.Tests.Generation;

/// <summary>`fleet` on a generated fleet recovers what the generator planted: the bad OS version and the 5× workaround effect.</summary>
public sealed class PlantedFactsTests : IDisposable
{
    private static readonly FleetGeneratorOptions Options = new() { Calls = 300_000, Days = 28, Seed = 42 };
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("fleet.csv")]
    [InlineData("fleet.parquet")]
    public void Recovers_the_bad_os_version_and_the_rollout_effect(string name)
    {
        var path = Path.Combine(_folder.Path, name);
        FleetGenerator.Write(path, Options);
        using var table = TelemetryTable.Open(TelemetryFile.Detect(path), ColumnMapping.Identity);
        Assert.Equal(Options.Calls, table.Summary.RowsRead);
        Assert.Equal(0, table.Summary.BadRowCount);

        var result = FleetAnalyzer.Analyze(table, new FleetRequest
        {
            GroupBy = [TelemetrySchema.OsVersion],
            ReleaseScan = true,
            RolloutDate = Options.RolloutDate,
            WorkaroundEffect = true,
        });

        Assert.Equal(["17.7.2", "18.4", "18.4.1", "18.5"], result.Groups.Select(g => g.Key.Values[0]));
        var releases = result.Comparisons.Where(c => c.Kind == ComparisonKind.Release).ToList();
        Assert.Equal(3, releases.Count);
        var bad = Assert.Single(releases, c => c.Increase);
        Assert.Equal("18.4", bad.Baseline.Values[0]);
        Assert.Equal("18.4.1", bad.Candidate.Values[0]);
        Assert.True(bad.Ratio.Interval.Contains(Options.BadOsFactor), $"18.4 → 18.4.1 ratio {bad.Ratio}");
        Assert.True(releases.Single(c => c.Candidate.Values[0] == "18.5").Decrease);

        // Within every OS version the rollout (by date, and by the workaround flag) cuts failures 5×.
        var rollouts = result.Comparisons.Where(c => c.Kind == ComparisonKind.Rollout && c.Baseline.Columns.Count == 2).ToList();
        Assert.Equal(8, rollouts.Count);
        Assert.All(rollouts, c =>
        {
            Assert.True(c.Ratio.Interval.Contains(1 / Options.WorkaroundFactor), $"{c.Baseline} → {c.Candidate}: {c.Ratio}");
            Assert.InRange(c.Ratio.Ratio, 0.15, 0.27);
            Assert.True(c.Decrease);
        });

        // The daily counts show the drop on the rollout day.
        var before = result.Daily.Where(d => d.Date < Options.RolloutDate).Average(d => d.Counts.Rate);
        var after = result.Daily.Where(d => d.Date >= Options.RolloutDate).Average(d => d.Counts.Rate);
        Assert.Equal(Options.Days, result.Daily.Count);
        Assert.InRange(before / after, 3.5, 7);
    }

    [Fact]
    public void The_same_seed_writes_the_same_rows()
    {
        var small = Options with { Calls = 2000 };
        using var first = new StringWriter();
        using var second = new StringWriter();
        using var other = new StringWriter();
        FleetGenerator.WriteCsv(first, small);
        FleetGenerator.WriteCsv(second, small);
        FleetGenerator.WriteCsv(other, small with { Seed = 43 });
        Assert.Equal(first.ToString(), second.ToString());
        Assert.NotEqual(first.ToString(), other.ToString());
        Assert.StartsWith(FleetGenerator.Header, first.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
