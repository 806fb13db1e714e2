using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// A screened source that can leave out the entries its screen turns down instead of yielding them screened out
/// (<see cref="IScreenedEntrySource"/>): each is reported to a <see cref="ISkippedLineSink"/> instead, in its place
/// (after the entry before it was yielded and before the entry after it is), on the enumerating thread, so nothing is
/// allocated for it. Counts in <see cref="ILogEntrySource.Summary"/> are the same as without a screen.
/// </summary>
public interface ILineSkippingSource : IScreenedEntrySource
{
    /// <summary>The entries <paramref name="screen"/> wants, in input order; the others go to <paramref name="skipped"/>.</summary>
    IEnumerable<LogEntry> ReadEntries(IEntryScreen screen, ISkippedLineSink skipped, CancellationToken cancellationToken = default);
}
