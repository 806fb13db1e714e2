using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>How many calls of one group (<see cref="Counts"/>.Trials) had the finding <see cref="FindingId"/> (<see cref="Counts"/>.Events).</summary>
public sealed record FindingCount(string FindingId, GroupKey Key, Proportion Counts);
