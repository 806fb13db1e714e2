using System.Diagnostics.CodeAnalysis;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering.Predicates;
using CallKitDoctor.Logging.Filtering.Time;

namespace CallKitDoctor.Logging.Filtering;

/// <summary>
/// Everything <c>show</c> filters on: the <c>--predicate</c>, the time window and the level inclusion. Readers call the
/// cheap checks first (<see cref="AcceptsLevel"/>, <see cref="AcceptsTime"/>, <see cref="Overlaps"/> on file or chunk
/// headers, <see cref="PreCheck"/> on a not-yet-formatted entry) and <see cref="Matches"/> last.
/// </summary>
public sealed class EntryFilter(LogPredicate? predicate, TimeRange range, LevelInclusion levels)
{
    /// <summary>Lets every entry through.</summary>
    public static EntryFilter All { get; } = new(null, TimeRange.All, LevelInclusion.Everything);

    public LogPredicate? Predicate { get; } = predicate;

    /// <summary>
    /// Builds the filter from the command-line options. A <c>--start</c>/<c>--end</c> without an offset is read in
    /// <paramref name="zone"/>, or, when <paramref name="zone"/> is null, on the log's own clock (compared with each
    /// entry's printed wall-clock time: the device's time as the capture shows it). <c>--last</c> counts back from
    /// <c>--end</c> when given, else from <paramref name="logEnd"/> when known, else from <paramref name="now"/>.
    /// Fails (never throws) with a one-line message naming the option and, for the predicate, the position and what
    /// was expected there.
    /// </summary>
    public static bool TryCreate(
        EntryFilterOptions options,
        TimeZoneInfo? zone,
        DateTimeOffset? logEnd,
        DateTimeOffset now,
        [NotNullWhen(true)] out EntryFilter? filter,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        filter = null;
        LogPredicate? predicate = null;
        if (options.Predicate is not null)
        {
            if (!LogPredicate.TryParse(options.Predicate, out predicate, out var predicateError))
            {
                error = $"--predicate: {predicateError.Message}";
                return false;
            }
        }

        if (!TryTime("--start", options.Start, zone, out var start, out var startIsClock, out error) ||
            !TryTime("--end", options.End, zone, out var end, out var endIsClock, out error))
        {
            return false;
        }

        TimeSpan? last = null;
        if (options.Last is not null)
        {
            if (!LastDuration.TryParse(options.Last, out var value, out var durationError))
            {
                error = $"--last: {durationError}";
                return false;
            }

            last = value;
        }

        if (start is { } s && end is { } e && (startIsClock == endIsClock ? s.DateTime > e.DateTime : s > e))
        {
            error = $"--start {options.Start} is after --end {options.End}";
            return false;
        }

        DateTime? startClock = startIsClock ? start?.DateTime : null;
        var endClock = endIsClock ? end?.DateTime : (DateTime?)null;
        DateTimeOffset? startInstant = startIsClock ? null : start;
        var endInstant = endIsClock ? null : end;
        TimeRange range;
        if (last is { } span && endClock is { } clockAnchor)
        {
            // --last before a wall-clock --end: the window is on the log's clock too.
            var from = clockAnchor - span;
            startClock = startClock is { } sc && sc > from ? sc : from;
            range = TimeRange.Create(startInstant, endInstant, null, logEnd, now);
        }
        else
        {
            range = TimeRange.Create(startInstant, endInstant, last, logEnd, now);
        }

        if (startClock is not null || endClock is not null)
        {
            range = range.WithWallClock(startClock, endClock);
        }

        filter = new EntryFilter(predicate, range, new LevelInclusion(options.Info, options.Debug, options.Signpost));
        error = null;
        return true;
    }

    private static bool TryTime(string option, string? text, TimeZoneInfo? zone, out DateTimeOffset? value, out bool isClock, [NotNullWhen(false)] out string? error)
    {
        value = null;
        isClock = false;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (!LogTimeArgument.TryParse(text, zone ?? TimeZoneInfo.Utc, out var parsed, out var hasOffset, out var timeError))
        {
            error = $"{option}: {timeError}";
            return false;
        }

        value = parsed;
        isClock = zone is null && !hasOffset;
        return true;
    }

    public TimeRange Range { get; } = range;

    public LevelInclusion Levels { get; } = levels;

    /// <summary>True when deciding some entries requires their formatted message.</summary>
    public bool NeedsEventMessage => Predicate?.NeedsEventMessage ?? false;

    /// <summary>Level and event-type check on raw fields.</summary>
    public bool AcceptsLevel(LogLevel level, LogEventType eventType) => Levels.Includes(level, eventType);

    /// <summary>Time check on a raw timestamp.</summary>
    public bool AcceptsTime(LogTimestamp? timestamp) => Range.Contains(timestamp);

    /// <summary>False when a file or chunk whose entries span <paramref name="first"/>..<paramref name="last"/> can be skipped.</summary>
    public bool Overlaps(DateTimeOffset first, DateTimeOffset last) => Range.Overlaps(first, last);

    /// <summary>Decides what it can without formatting the message.</summary>
    public FilterDecision PreCheck(LogEntry entry)
    {
        if (!AcceptsLevel(entry.Level, entry.EventType) || !AcceptsTime(entry.Timestamp))
        {
            return FilterDecision.Reject;
        }

        return Predicate?.PreCheck(entry) ?? FilterDecision.Accept;
    }

    /// <summary>The full decision (formats the message only when the predicate needs it).</summary>
    public bool Matches(LogEntry entry) =>
        AcceptsLevel(entry.Level, entry.EventType) && AcceptsTime(entry.Timestamp) && (Predicate?.Matches(entry) ?? true);
}
