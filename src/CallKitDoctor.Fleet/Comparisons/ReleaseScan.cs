using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Engine;

namespace CallKitDoctor.Fleet.Comparisons;

/// <summary>
/// Each version against the previous one in version order (18.4 → 18.4.1 → 18.5); calls with no version are left out.
/// </summary>
public static class ReleaseScan
{
    public static IReadOnlyList<Comparison> Run(IReadOnlyList<GroupCount> byVersion, double confidence, double alpha)
    {
        if (byVersion.Any(g => g.Key.Columns.Count != 1))
        {
            throw new ArgumentException("A release scan needs counts grouped by exactly one column.", nameof(byVersion));
        }

        var ordered = byVersion.Where(g => g.Key.Values[0] is not null).OrderBy(g => g.Key.Values[0], VersionOrder.Instance).ToList();
        var result = new List<Comparison>();
        for (var i = 1; i < ordered.Count; i++)
        {
            result.Add(Comparison.Of(ComparisonKind.Release, ordered[i - 1].Key, ordered[i - 1].Counts, ordered[i].Key, ordered[i].Counts, confidence, alpha));
        }

        return result;
    }
}
