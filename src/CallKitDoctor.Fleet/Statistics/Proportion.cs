namespace CallKitDoctor.Fleet.Statistics;

/// <summary>A count of events (failures) among trials (calls).</summary>
public readonly record struct Proportion
{
    public Proportion(long events, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, events);
        Events = events;
        Trials = trials;
    }

    public long Events { get; }

    public long Trials { get; }

    /// <summary>Events / trials (NaN when there are no trials).</summary>
    public double Rate => Trials == 0 ? double.NaN : (double)Events / Trials;
}
