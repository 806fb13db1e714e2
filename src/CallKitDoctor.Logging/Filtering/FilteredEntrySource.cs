using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Filtering;

/// <summary>
/// Any <see cref="ILogEntrySource"/> seen through an <see cref="EntryFilter"/>: yields the entries the filter matches,
/// deciding on raw fields first (<see cref="EntryFilter.PreCheck"/>) so that a message is formatted only when the
/// predicate needs it. Readers that honour the filter as a skip hint yield fewer entries; the result is the same.
/// <see cref="Summary"/> and <see cref="Context"/> are the inner source's (what was read, not what was kept);
/// <see cref="Matched"/> counts what was kept.
/// </summary>
public sealed class FilteredEntrySource(ILogEntrySource inner, EntryFilter filter) : ILogEntrySource
{
    public ILogEntrySource Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public EntryFilter Filter { get; } = filter ?? throw new ArgumentNullException(nameof(filter));

    public string Name => Inner.Name;

    public LogReadSummary Summary => Inner.Summary;

    public CaptureContext Context => Inner.Context;

    /// <summary>Entries yielded by the last enumeration.</summary>
    public long Matched { get; private set; }

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default)
    {
        Matched = 0;
        foreach (var entry in Inner.ReadEntries(cancellationToken))
        {
            var decision = Filter.PreCheck(entry);
            if (decision == FilterDecision.Reject || (decision == FilterDecision.NeedsMessage && !Filter.Matches(entry)))
            {
                continue;
            }

            Matched++;
            yield return entry;
        }
    }
}
