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
    IReadOnlyList<Comparison> Comparisons);
