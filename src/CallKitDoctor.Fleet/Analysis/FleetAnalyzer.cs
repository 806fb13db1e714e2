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
        if (osVersion is not null && (request.ReleaseScan || period is not null || workaround is not null || request.Charts))
        {
            table.Keep([osVersion]);
        }

        var findingDimensions = table.FindingColumns.Count == 0
            ? []
            : new[] { TelemetrySchema.OsBuild, TelemetrySchema.AppVersion }.Where(table.Has).Select(table.Column).ToList();
        table.Keep(findingDimensions);
        var workaroundDays = request.Charts && request.RolloutDate is null && table.Has(TelemetrySchema.Workaround) ? table.Column(TelemetrySchema.Workaround) : null;
        if (workaroundDays is not null)
        {
            table.Keep([workaroundDays]);
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

        var findings = new List<FindingShare>();
        if (table.FindingColumns.Count > 0)
        {
            foreach (var dimension in new List<GroupColumn?> { null }.Concat(findingDimensions))
            {
                findings.AddRange(table.CountFindingsBy(dimension is null ? [] : [dimension])
                    .OrderBy(f => f.FindingId, StringComparer.Ordinal).ThenBy(f => f.Key, KeyOrder.Instance)
                    .Select(f => new FindingShare(f.FindingId, f.Key, f.Counts, WilsonInterval.ForCriticalValue(f.Counts, z))));
            }
        }

        var byOs = groupColumns.Count == 1 && groupColumns[0].Name == TelemetrySchema.OsVersion
            ? groups
            : request.Charts && osVersion is not null
                ? [.. table.CountBy([osVersion]).OrderBy(g => g.Key, KeyOrder.Instance).Select(g => new GroupRate(g.Key, g.Counts, WilsonInterval.ForCriticalValue(g.Counts, z)))]
                : [];

        return new FleetResult(table.Summary, request, [.. groupColumns.Select(c => c.Name)], groups, daily, comparisons)
        {
            Findings = findings,
            ByOsVersion = byOs,
            RolloutDay = request.RolloutDate ?? (workaroundDays is null ? null : FirstWorkaroundDay(table, workaroundDays)),
        };
    }

    /// <summary>The first day on which more than half of the calls with a known workaround flag had it on.</summary>
    private static DateOnly? FirstWorkaroundDay(TelemetryTable table, GroupColumn workaround)
    {
        var perDay = table.CountDaysBy(workaround);
        foreach (var day in perDay.GroupBy(d => d.Date).OrderBy(g => g.Key))
        {
            var on = day.Where(d => string.Equals(d.Value, "true", StringComparison.OrdinalIgnoreCase)).Sum(d => d.Calls);
            var off = day.Where(d => string.Equals(d.Value, "false", StringComparison.OrdinalIgnoreCase)).Sum(d => d.Calls);
            if (on > off && perDay.Any(d => d.Date < day.Key))
            {
                return day.Key;
            }
        }

        return null;
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
