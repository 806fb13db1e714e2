using System.Collections.Concurrent;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// Reads entries on a second thread, ahead of the caller: the producer walks the tracev3 files, builds each entry and
/// formats its message (so the reader's caches and oversize store are only ever touched by that thread), and hands
/// entries over in batches through a bounded queue (at most <c>maxBatches</c> × <c>batchSize</c> entries in flight).
/// The caller's work on each entry (matching, rules, writing) then overlaps the reading. Entries keep their order; an
/// exception of the producer is rethrown to the caller once the entries before it are consumed; abandoning the
/// enumeration stops the producer.
/// </summary>
internal static class EntryPrefetcher
{
    public static IEnumerable<LogEntry> Ahead(Func<CancellationToken, IEnumerable<LogEntry>> read, int batchSize, int maxBatches, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<LogEntry[]>(maxBatches);
        var producer = Task.Factory.StartNew(() => Produce(read, queue, batchSize, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var finished = false;
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var entry in batch)
                {
                    yield return entry;
                }
            }

            finished = true;
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            if (!finished)
            {
                stop.Cancel();
                try
                {
                    producer.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The enumeration was abandoned or failed on the caller's side: the producer's end is of no interest.
                }
            }
        }
    }

    private static void Produce(Func<CancellationToken, IEnumerable<LogEntry>> read, BlockingCollection<LogEntry[]> queue, int batchSize, CancellationToken cancellationToken)
    {
        var batch = new LogEntry[batchSize];
        var count = 0;
        try
        {
            foreach (var entry in read(cancellationToken))
            {
                _ = entry.EventMessage;
                batch[count++] = entry;
                if (count == batchSize)
                {
                    queue.Add(batch, cancellationToken);
                    batch = new LogEntry[batchSize];
                    count = 0;
                }
            }
        }
        finally
        {
            // The entries read before an end or a failure are still handed over (unless the caller has left).
            if (count > 0 && !cancellationToken.IsCancellationRequested)
            {
                queue.Add(batch[..count], CancellationToken.None);
            }

            queue.CompleteAdding();
        }
    }
}
