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
