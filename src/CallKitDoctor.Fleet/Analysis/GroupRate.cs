using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Analysis;

/// <summary>One group's failure rate (failures / calls) with its Wilson interval.</summary>
public sealed record GroupRate(GroupKey Key, Proportion Counts, Interval Interval)
{
    public double Rate => Counts.Rate;
}
