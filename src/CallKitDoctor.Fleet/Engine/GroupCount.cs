using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>Calls and failures for one combination of grouping values.</summary>
public sealed record GroupCount(GroupKey Key, Proportion Counts);
