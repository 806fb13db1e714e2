using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Time;

/// <summary>
/// An inclusive time window (either end may be open). <see cref="Start"/>/<see cref="End"/> are instants: entries whose
/// timestamp carries an offset compare as instants, a timestamp without an offset compares its wall clock with the
/// bound's wall clock. <see cref="StartClock"/>/<see cref="EndClock"/> are wall-clock bounds (a <c>--start</c> typed
/// without an offset and without <c>--timezone</c>): they compare with each entry's own printed clock, whatever its
/// offset. An entry with no timestamp, or a time without a date (Console.app copies), cannot be placed and is kept.
/// </summary>
/// <remarks>
/// A range built with <see cref="WithWallClock"/> also widens <see cref="Start"/>/<see cref="End"/> by
/// <see cref="WallClockSlack"/> around the wall-clock bounds, so that a reader using only the instants to skip files
/// or chunks never skips one that holds a wanted entry.
/// </remarks>
public readonly record struct TimeRange(DateTimeOffset? Start, DateTimeOffset? End)
{
    /// <summary>How far a wall-clock time can be from UTC (offsets run from -12:00 to +14:00).</summary>
    public static readonly TimeSpan WallClockSlack = TimeSpan.FromHours(14);

    /// <summary>No bounds.</summary>
    public static TimeRange All => default;

    /// <summary>The earliest wall-clock time, compared with each entry's own clock (null: none).</summary>
    public DateTime? StartClock { get; init; }

    /// <summary>The latest wall-clock time, compared with each entry's own clock (null: none).</summary>
    public DateTime? EndClock { get; init; }

    /// <summary>True when no end is bounded.</summary>
    public bool IsUnbounded => Start is null && End is null && StartClock is null && EndClock is null;

    /// <summary>
    /// Builds the window of <c>--start</c>/<c>--end</c>/<c>--last</c>. <c>--last</c> counts back from
    /// <paramref name="end"/>, else from <paramref name="logEnd"/> (the last entry's time, when the reader knows it),
    /// else from <paramref name="now"/>; an explicit <c>--start</c> later than that wins.
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

    /// <summary>
    /// This range narrowed by wall-clock bounds (either may be null); the instants are narrowed too, to the bounds
    /// widened by <see cref="WallClockSlack"/>, so that instant-only checks stay a safe superset.
    /// </summary>
    public TimeRange WithWallClock(DateTime? startClock, DateTime? endClock)
    {
        var start = Start;
        if (startClock is { } sc)
        {
            var widened = new DateTimeOffset(DateTime.SpecifyKind(sc, DateTimeKind.Unspecified), TimeSpan.Zero) - WallClockSlack;
            start = start is { } s && s > widened ? s : widened;
        }

        var end = End;
        if (endClock is { } ec)
        {
            var widened = new DateTimeOffset(DateTime.SpecifyKind(ec, DateTimeKind.Unspecified), TimeSpan.Zero) + WallClockSlack;
            end = end is { } e && e < widened ? e : widened;
        }

        return new TimeRange(start, end)
        {
            StartClock = Later(StartClock, startClock),
            EndClock = Earlier(EndClock, endClock),
        };
    }

    /// <summary>True when the timestamp lies in the window (or cannot be placed).</summary>
    public bool Contains(LogTimestamp? timestamp)
    {
        if (IsUnbounded || timestamp is not { HasDate: true } ts)
        {
            return true;
        }

        var local = ts.Local;
        if ((StartClock is { } sc && local < sc) || (EndClock is { } ec && local > ec))
        {
            return false;
        }

        if (ts.Instant is { } instant)
        {
            return (Start is not { } s || instant >= s) && (End is not { } e || instant <= e);
        }

        return (Start is not { } ls || local >= ls.DateTime) && (End is not { } le || local <= le.DateTime);
    }

    /// <summary>True when a file or chunk covering <paramref name="first"/>..<paramref name="last"/> may hold entries in the window.</summary>
    public bool Overlaps(DateTimeOffset first, DateTimeOffset last) =>
        (End is not { } e || first <= e) && (Start is not { } s || last >= s);

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static DateTime? Earlier(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
