using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// Runs an entry stream on a worker thread and hands its entries over in batches through a bounded queue, so reading,
/// decompressing and message formatting overlap with whatever the caller does with the entries (writing them out).
/// Order is kept; memory is bounded by <c>batchSize × maxBatches</c> entries in flight. Each entry's message is built
/// on the worker before its batch is handed over, so the caller never touches the reader's state. A failure on the
/// worker is rethrown to the caller after the entries read before it; stopping early (or cancelling) stops the worker.
/// </summary>
internal static class ReadAheadEntries
{
    public static IEnumerable<LogEntry> Run(Func<CancellationToken, IEnumerable<LogEntry>> produce, int batchSize, int maxBatches,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<ArraySegment<LogEntry>>(maxBatches);
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                var batch = new LogEntry[batchSize];
                var count = 0;
                foreach (var entry in produce(stop.Token))
                {
                    batch[count++] = entry;
                    if (count == batch.Length)
                    {
                        HandOver(queue, batch, count, stop.Token);
                        batch = new LogEntry[batchSize];
                        count = 0;
                    }
                }

                if (count > 0)
                {
                    HandOver(queue, batch, count, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The caller stopped reading: nothing to report.
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "unified log read-ahead",
        };
        worker.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(CancellationToken.None))
            {
                foreach (var entry in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return entry;
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

    /// <summary>
    /// Builds the messages of a full batch, then queues it. Messages are built here rather than as each entry is read so
    /// that an entry whose items sit in an oversize chunk later in the file (within the batch) still finds them.
    /// </summary>
    private static void HandOver(BlockingCollection<ArraySegment<LogEntry>> queue, LogEntry[] batch, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            _ = batch[i].EventMessage;
        }

        queue.Add(new ArraySegment<LogEntry>(batch, 0, count), cancellationToken);
    }
}
