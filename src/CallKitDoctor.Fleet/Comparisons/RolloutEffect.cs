using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Engine;
using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Comparisons;

/// <summary>
/// A rollout's effect: the calls where <c>split</c> is the baseline value (before, workaround=false) against those where
/// it is the candidate value, overall and within each stratum (OS version), so a shift in the version mix cannot fake
/// an effect.
/// </summary>
public static class RolloutEffect
{
    /// <summary>Compares baseline and candidate within each stratum of <paramref name="counts">counts</paramref>, grouped by [split] or [stratum, split] (the split column last).</summary>
    public static IReadOnlyList<Comparison> Run(IReadOnlyList<GroupCount> counts, string baselineValue, string candidateValue, double confidence, double alpha)
    {
        var result = new List<Comparison>();
        var strata = counts
            .GroupBy(g => Stratum(g.Key))
            .OrderBy(s => s.Key.Values.Count == 0 ? null : s.Key.Values[0], VersionOrder.Instance);
        foreach (var stratum in strata)
        {
            var baseline = Find(stratum, baselineValue);
            var candidate = Find(stratum, candidateValue);
            if (baseline is null || candidate is null)
            {
                continue;
            }

            result.Add(Comparison.Of(ComparisonKind.Rollout, baseline.Key, baseline.Counts, candidate.Key, candidate.Counts, confidence, alpha));
        }

        return result;
    }

    /// <summary>Adds up counts that share the split value across strata (the overall comparison's input).</summary>
    public static IReadOnlyList<GroupCount> Pool(IReadOnlyList<GroupCount> counts) =>
    [
        .. counts
            .GroupBy(g => g.Key.Values[^1])
            .Select(g => new GroupCount(
                new GroupKey([g.First().Key.Columns[^1]], [g.Key]),
                new Proportion(g.Sum(x => x.Counts.Events), g.Sum(x => x.Counts.Trials)))),
    ];

    private static GroupKey Stratum(GroupKey key) => new([.. key.Columns.Take(key.Columns.Count - 1)], [.. key.Values.Take(key.Values.Count - 1)]);

    private static GroupCount? Find(IEnumerable<GroupCount> stratum, string value) =>
        stratum.FirstOrDefault(g => string.Equals(g.Key.Values[^1], value, StringComparison.OrdinalIgnoreCase));
}
