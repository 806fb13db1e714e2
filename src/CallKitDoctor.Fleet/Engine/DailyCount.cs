using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>Calls and failures on one UTC day.</summary>
public sealed record DailyCount(DateOnly Date, Proportion Counts);
