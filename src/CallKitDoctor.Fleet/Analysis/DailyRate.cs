using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Analysis;

/// <summary>Calls, failures and the failure rate's Wilson interval on one UTC day.</summary>
public sealed record DailyRate(DateOnly Date, Proportion Counts, Interval Interval);
