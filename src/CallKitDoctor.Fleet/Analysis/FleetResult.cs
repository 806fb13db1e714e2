using CallKitDoctor.Fleet.Comparisons;
using CallKitDoctor.Fleet.Engine;

namespace CallKitDoctor.Fleet.Analysis;

/// <summary>Everything <c>fleet</c> reports: the load summary, the groups, the days and the comparisons.</summary>
public sealed record FleetResult(
    LoadSummary Load,
    FleetRequest Request,
    IReadOnlyList<string> GroupBy,
    IReadOnlyList<GroupRate> Groups,
    IReadOnlyList<DailyRate> Daily,
    IReadOnlyList<Comparison> Comparisons)
{
    /// <summary>The share of calls per finding id: for all calls, then by OS build and by app version (empty without finding columns).</summary>
    public IReadOnlyList<FindingShare> Findings { get; init; } = [];

    /// <summary>Failure rate per OS version (for the HTML chart; the groups when grouped by os_version alone).</summary>
    public IReadOnlyList<GroupRate> ByOsVersion { get; init; } = [];

    /// <summary>The first UTC day of the rollout: the <c>--rollout-date</c>, else the first day most calls had the workaround.</summary>
    public DateOnly? RolloutDay { get; init; }
}
