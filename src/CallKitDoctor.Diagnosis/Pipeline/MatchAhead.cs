using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Threading;

namespace CallKitDoctor.Diagnosis.Pipeline;

/// <summary>
/// Reads a log's entries and matches them on a worker thread, handing (entry, event) pairs to the caller in batches
/// through a bounded queue, so that reading, parsing, screening and signature matching overlap with the flows, episodes
/// and rules the caller runs. Order is kept; at most <see cref="BatchSize"/> × (<see cref="Batches"/> + 2) entries are in
/// flight. The matcher must be safe to call from another thread (the catalog's is). A failure on the worker reaches the
/// caller after every entry read before it; stopping early or cancelling stops the worker.
/// </summary>
internal static class MatchAhead
{
    /// <summary>Entries per hand-over: small enough that entries in flight die young (gen-0 budgets can be small).</summary>
    public const int BatchSize = 128;

    /// <summary>Batches waiting at most.</summary>
    public const int Batches = 4;

    /// <summary>True when a second core can take the reading and matching.</summary>
    public static bool IsWorthIt => ReadAhead.IsWorthIt;

    /// <summary>The entries of <paramref name="read"/> with their events, in order, read and matched on a worker thread.</summary>
    public static IEnumerable<MatchedEntry> Run(Func<CancellationToken, IEnumerable<LogEntry>> read, ICallEventMatcher matcher,
        CancellationToken cancellationToken) =>
        ReadAhead.Run(token => Match(read(token), matcher), BatchSize, Batches, "diagnosis read-ahead", null, cancellationToken);

    private static IEnumerable<MatchedEntry> Match(IEnumerable<LogEntry> entries, ICallEventMatcher matcher)
    {
        foreach (var entry in entries)
        {
            yield return new MatchedEntry(entry, matcher.Match(entry));
        }
    }
}
