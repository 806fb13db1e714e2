using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace CallKitDoctor.Logging.Threading;

/// <summary>
/// Runs a stream on a worker thread and hands its items over in batches through a bounded queue, so that producing
/// them (reading, parsing, formatting, matching) overlaps with whatever the caller does with them. Order is kept;
/// memory is bounded by <c>batchSize × (maxBatches + 2)</c> items in flight. A batch can be prepared on the worker
/// before it is handed over (e.g. build what would otherwise touch the producer's state). A failure on the worker
/// reaches the caller after every item produced before it; stopping early or cancelling stops the worker. The
/// caller hands each batch's array back once it has moved past it, so arrays are reused rather than allocated per
/// batch.
/// </summary>
public static class ReadAhead
{
    /// <summary>True when a second core can take the producing (otherwise a worker only adds switches).</summary>
    public static bool IsWorthIt => Environment.ProcessorCount > 1;

    /// <summary>The items of <paramref name="produce"/>, in order, produced on a worker thread named <paramref name="name"/>.</summary>
    public static IEnumerable<T> Run<T>(Func<CancellationToken, IEnumerable<T>> produce, int batchSize, int maxBatches, string name,
        Action<ArraySegment<T>>? prepare, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(produce);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatches, 1);
        return Iterate(produce, batchSize, maxBatches, name, prepare, cancellationToken);
    }

    private static IEnumerable<T> Iterate<T>(Func<CancellationToken, IEnumerable<T>> produce, int batchSize, int maxBatches, string name,
        Action<ArraySegment<T>>? prepare, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<ArraySegment<T>>(maxBatches);
        var spares = new ConcurrentQueue<T[]>();
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            var batch = new T[batchSize];
            var count = 0;
            try
            {
                foreach (var item in produce(stop.Token))
                {
                    batch[count++] = item;
                    if (count == batchSize)
                    {
                        var full = batch;
                        batch = spares.TryDequeue(out var spare) ? spare : new T[batchSize];
                        count = 0;
                        HandOver(queue, new ArraySegment<T>(full), prepare, stop.Token);
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
                    // What was produced before the end (or before a failure) still reaches the caller, in order.
                    HandOver(queue, new ArraySegment<T>(batch, 0, count), prepare, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller is gone.
            }
            catch (Exception ex)
            {
                failure ??= ex;
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        worker.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(CancellationToken.None))
            {
                foreach (var item in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return item;
                }

                Recycle(batch, batchSize, maxBatches, spares);
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

    // A full batch the caller is done with goes back to the worker (emptied, so it keeps nothing alive).
    private static void Recycle<T>(ArraySegment<T> batch, int batchSize, int maxBatches, ConcurrentQueue<T[]> spares)
    {
        if (batch.Array is { } array && array.Length == batchSize && batch.Count == batchSize && spares.Count <= maxBatches)
        {
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                Array.Clear(array);
            }

            spares.Enqueue(array);
        }
    }

    private static void HandOver<T>(BlockingCollection<ArraySegment<T>> queue, ArraySegment<T> batch, Action<ArraySegment<T>>? prepare,
        CancellationToken cancellationToken)
    {
        prepare?.Invoke(batch);
        queue.Add(batch, cancellationToken);
    }
}
