using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Analysis;

/// <summary>
/// The share of a group's calls that had finding <see cref="FindingId"/>, with its Wilson interval. <see cref="Key"/>
/// has no columns for the whole fleet, else one (<c>os_build</c> or <c>app_version</c>).
/// </summary>
public sealed record FindingShare(string FindingId, GroupKey Key, Proportion Counts, Interval Interval)
{
    public double Share => Counts.Rate;
}
