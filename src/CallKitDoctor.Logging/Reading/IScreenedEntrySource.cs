using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// A source that can skip building what a consumer will not read. With a screen, each entry the screen turns down is
/// still yielded in its place, as a screened-out entry (<see cref="LogEntry.IsScreenedOut"/>): it keeps the fields
/// read before the message (timestamp, process, pid, thread, sender, subsystem, category, level, event type,
/// activity, location) but has no message, raw text or source location. Counts in <see cref="ILogEntrySource.Summary"/>
/// are the same as without a screen. The screen is a hint: a source may still yield full entries.
/// </summary>
public interface IScreenedEntrySource : ILogEntrySource
{
    /// <summary>Reads the entries in input order, asking <paramref name="screen"/> about each before building it.</summary>
    IEnumerable<LogEntry> ReadEntries(IEntryScreen screen, CancellationToken cancellationToken = default);
}
