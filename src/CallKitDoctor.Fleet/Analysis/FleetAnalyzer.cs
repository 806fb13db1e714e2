using CallKitDoctor.Fleet.Comparisons;
using CallKitDoctor.Fleet.Engine;
using CallKitDoctor.Fleet.Statistics;
using CallKitDoctor.Fleet.Telemetry;

namespace CallKitDoctor.Fleet.Analysis;

/// <summary>Runs a <see cref="FleetRequest"/> against an opened <see cref="TelemetryTable"/>: counts in SQL, intervals and tests here.</summary>
public static class FleetAnalyzer
{
    /// <exception cref="FleetQueryException">A requested column is not in the data.</exception>
    public static FleetResult Analyze(TelemetryTable table, FleetRequest request)
    {
        var z = NormalDistribution.CriticalValue(request.Confidence);
        var groupColumns = request.GroupBy.Select(table.Column).ToList();
        var pairColumn = request.Compare is { } compare ? table.Column(compare.Column) : null;
        var osVersion = table.Has(TelemetrySchema.OsVersion) ? table.Column(TelemetrySchema.OsVersion) : null;
        var workaround = request.WorkaroundEffect ? table.Column(TelemetrySchema.Workaround) : null;
        var period = request.RolloutDate is { } rolloutDate ? table.Period("period", rolloutDate) : null;
        table.Keep(groupColumns);
        table.Keep(new[] { pairColumn, workaround, period }.OfType<GroupColumn>());
        if (osVersion is not null && (request.ReleaseScan || period is not null || workaround is not null))
        {
            table.Keep([osVersion]);
        }

        var groups = table.CountBy(groupColumns)
            .OrderBy(g => g.Key, KeyOrder.Instance)
            .Select(g => new GroupRate(g.Key, g.Counts, WilsonInterval.ForCriticalValue(g.Counts, z)))
            .ToList();
        var daily = table.CountByDay()
            .Select(d => new DailyRate(d.Date, d.Counts, WilsonInterval.ForCriticalValue(d.Counts, z)))
            .ToList();

        var comparisons = new List<Comparison>();
        if (request.Compare is { } pair && pairColumn is { } column)
        {
            var counts = table.CountBy([column]);
            comparisons.AddRange(RolloutEffect.Run(counts, pair.Baseline, pair.Candidate, request.Confidence, request.Alpha)
                .Select(c => c with { Kind = ComparisonKind.Pair }));
            if (comparisons.Count == 0)
            {
                throw new FleetQueryException($"--compare: no calls with {column.Name}={pair.Baseline} or none with {column.Name}={pair.Candidate}");
            }
        }

        if (request.ReleaseScan)
        {
            comparisons.AddRange(ReleaseScan.Run(table.CountBy([table.Column(TelemetrySchema.OsVersion)]), request.Confidence, request.Alpha));
        }

        if (period is not null)
        {
            comparisons.AddRange(Rollout(table, period, "before", "after", request));
        }

        if (workaround is not null)
        {
            comparisons.AddRange(Rollout(table, workaround, "false", "true", request));
        }

        return new FleetResult(table.Summary, request, [.. groupColumns.Select(c => c.Name)], groups, daily, comparisons);
    }

    private static IEnumerable<Comparison> Rollout(TelemetryTable table, GroupColumn split, string baseline, string candidate, FleetRequest request)
    {
        var columns = table.Has(TelemetrySchema.OsVersion) ? new[] { table.Column(TelemetrySchema.OsVersion), split } : [split];
        var counts = table.CountBy(columns);
        var overall = RolloutEffect.Run(RolloutEffect.Pool(counts), baseline, candidate, request.Confidence, request.Alpha);
        var within = columns.Length > 1 ? RolloutEffect.Run(counts, baseline, candidate, request.Confidence, request.Alpha) : [];
        return overall.Concat(within);
    }
}
