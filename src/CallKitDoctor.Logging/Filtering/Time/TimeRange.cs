using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Time;

/// <summary>
/// An inclusive time window (either end may be open). Entries whose timestamp carries an offset compare as instants;
/// a timestamp without an offset compares its wall clock with the bound's wall clock; an entry with no timestamp, or a
/// time without a date (Console.app copies), cannot be placed and is kept.
/// </summary>
public readonly record struct TimeRange(DateTimeOffset? Start, DateTimeOffset? End)
{
    /// <summary>No bounds.</summary>
    public static TimeRange All => default;

    /// <summary>True when neither end is bounded.</summary>
    public bool IsUnbounded => Start is null && End is null;

    /// <summary>
    /// Builds the window of <c>--start</c>/<c>--end</c>/<c>--last</c>. <c>--last</c> counts back from
    /// <paramref name="logEnd"/> (the last entry's time, when the reader knows it) or else from <paramref name="now"/>,
    /// and an explicit <c>--start</c> later than that wins.
    /// </summary>
    public static TimeRange Create(DateTimeOffset? start, DateTimeOffset? end, TimeSpan? last, DateTimeOffset? logEnd, DateTimeOffset now)
    {
        if (last is { } span)
        {
            var anchor = end ?? logEnd ?? now;
            var from = anchor - span;
            start = start is { } s && s > from ? s : from;
        }

        return new TimeRange(start, end);
    }

    /// <summary>True when the timestamp lies in the window (or cannot be placed).</summary>
    public bool Contains(LogTimestamp? timestamp)
    {
        if (IsUnbounded || timestamp is not { HasDate: true } ts)
        {
            return true;
        }

        if (ts.Instant is { } instant)
        {
            return (Start is not { } s || instant >= s) && (End is not { } e || instant <= e);
        }

        var local = ts.Local;
        return (Start is not { } ls || local >= ls.DateTime) && (End is not { } le || local <= le.DateTime);
    }

    /// <summary>True when a file or chunk covering <paramref name="first"/>..<paramref name="last"/> may hold entries in the window.</summary>
    public bool Overlaps(DateTimeOffset first, DateTimeOffset last) =>
        (End is not { } e || first <= e) && (Start is not { } s || last >= s);
}
