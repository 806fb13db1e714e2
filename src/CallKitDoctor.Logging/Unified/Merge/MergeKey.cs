using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Unified.Merge;

/// <summary>
/// Where an entry sorts in a time-ordered merge: entries without a time first, then by instant (ticks, then the
/// nanoseconds below a tick, as <see cref="LogTimestamp.CompareTo"/>), ties going to the file with the lower rank.
/// A plain value so the merge's heap compares without nullable wrappers or comparer calls.
/// </summary>
internal readonly struct MergeKey : IComparable<MergeKey>
{
    private readonly long _ticks;
    private readonly int _subTick;
    private readonly int _rank;

    private MergeKey(long ticks, int subTick, int rank)
    {
        _ticks = ticks;
        _subTick = subTick;
        _rank = rank;
    }

    /// <summary>The key of an entry with <paramref name="time"/> read from the file of <paramref name="rank"/>.</summary>
    public static MergeKey Of(LogTimestamp? time, int rank) =>
        time is { } t ? new MergeKey(t.OrderingTicks, t.SubTickNanoseconds, rank) : new MergeKey(long.MinValue, -1, rank);

    public int CompareTo(MergeKey other)
    {
        var c = CompareTime(other);
        return c != 0 ? c : _rank.CompareTo(other._rank);
    }

    /// <summary>Compares the times only (the rank is ignored).</summary>
    public int CompareTime(MergeKey other)
    {
        var c = _ticks.CompareTo(other._ticks);
        return c != 0 ? c : _subTick.CompareTo(other._subTick);
    }
}
