using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Logging.Entries;

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
    public static bool IsWorthIt => Environment.ProcessorCount > 1;

    /// <summary>The entries of <paramref name="read"/> with their events, in order, read and matched on a worker thread.</summary>
    public static IEnumerable<MatchedEntry> Run(Func<CancellationToken, IEnumerable<LogEntry>> read, ICallEventMatcher matcher,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<ArraySegment<MatchedEntry>>(Batches);
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            var batch = new MatchedEntry[BatchSize];
            var count = 0;
            try
            {
                foreach (var entry in read(stop.Token))
                {
                    batch[count++] = new MatchedEntry(entry, matcher.Match(entry));
                    if (count == batch.Length)
                    {
                        queue.Add(new ArraySegment<MatchedEntry>(batch), stop.Token);
                        batch = new MatchedEntry[BatchSize];
                        count = 0;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The caller stopped reading: nothing to report.
                count = 0;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            try
            {
                if (count > 0)
                {
                    // What was read before the end (or before a failure) still reaches the caller, in order.
                    queue.Add(new ArraySegment<MatchedEntry>(batch, 0, count), stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The caller is gone.
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "diagnosis read-ahead",
        };
        worker.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(CancellationToken.None))
            {
                foreach (var matched in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return matched;
                }
            }
        }
        finally
        {
            stop.Cancel();
            while (queue.TryTake(out _))
            {
            }

            worker.Join();
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
