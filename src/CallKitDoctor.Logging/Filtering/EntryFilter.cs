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
    /// Builds the filter from the command-line options. Times without an offset are read in <paramref name="zone"/>;
    /// <c>--last</c> counts back from <paramref name="logEnd"/> when known, else from <paramref name="now"/>.
    /// Fails (never throws) with a message naming the option.
    /// </summary>
    public static bool TryCreate(
        EntryFilterOptions options,
        TimeZoneInfo zone,
        DateTimeOffset? logEnd,
        DateTimeOffset now,
        [NotNullWhen(true)] out EntryFilter? filter,
        [NotNullWhen(false)] out string? error)
    {
        filter = null;
        LogPredicate? predicate = null;
        if (options.Predicate is not null)
        {
            if (!LogPredicate.TryParse(options.Predicate, out predicate, out var predicateError))
            {
                error = $"--predicate: {predicateError.Message}\n{predicateError.Underline(options.Predicate)}";
                return false;
            }
        }

        DateTimeOffset? start = null, end = null;
        TimeSpan? last = null;
        if (options.Start is not null)
        {
            if (!LogTimeArgument.TryParse(options.Start, zone, out var value, out var timeError))
            {
                error = $"--start: {timeError}";
                return false;
            }

            start = value;
        }

        if (options.End is not null)
        {
            if (!LogTimeArgument.TryParse(options.End, zone, out var value, out var timeError))
            {
                error = $"--end: {timeError}";
                return false;
            }

            end = value;
        }

        if (options.Last is not null)
        {
            if (!LastDuration.TryParse(options.Last, out var value, out var durationError))
            {
                error = $"--last: {durationError}";
                return false;
            }

            last = value;
        }

        if (start > end)
        {
            error = $"--start {options.Start} is after --end {options.End}";
            return false;
        }

        var range = TimeRange.Create(start, end, last, logEnd, now);
        filter = new EntryFilter(predicate, range, new LevelInclusion(options.Info, options.Debug, options.Signpost));
        error = null;
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
