using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace CallKitDoctor.Logging.Unified.Direct;

/// <summary>
/// Carries <see cref="DirectBatch"/>es from a producer (reading and formatting) to a consumer (writing), in order:
/// on a worker thread through a bounded queue with a fixed set of batches that go back and forth (memory bounded by
/// <c>batches</c> batches, nothing allocated per batch), or inline on the caller's thread with one batch. A failure of
/// the producer reaches the caller after the batches completed before it; a failure of the consumer (or a
/// cancellation) stops the producer.
/// </summary>
internal sealed class DirectBatchPipe
{
    private readonly BlockingCollection<DirectBatch>? _full;
    private readonly BlockingCollection<DirectBatch>? _free;
    private readonly Action<DirectBatch>? _consume;

    private DirectBatchPipe(DirectBatch first, BlockingCollection<DirectBatch>? full, BlockingCollection<DirectBatch>? free, Action<DirectBatch>? consume)
    {
        Current = first;
        _full = full;
        _free = free;
        _consume = consume;
    }

    /// <summary>The batch the producer adds to.</summary>
    public DirectBatch Current { get; private set; }

    /// <summary>
    /// Runs <paramref name="produce"/> (which adds to <see cref="Current"/> and calls <see cref="HandOver"/> whenever it
    /// is full) and passes every batch to <paramref name="consume"/> in order; the producer runs on a worker thread when
    /// <paramref name="batches"/> is 2 or more, else inline.
    /// </summary>
    public static void Run(Action<DirectBatchPipe, CancellationToken> produce, Action<DirectBatch> consume, int batches,
        CancellationToken cancellationToken)
    {
        if (batches < 2)
        {
            var inline = new DirectBatchPipe(new DirectBatch(), null, null, consume);
            produce(inline, cancellationToken);
            inline.HandOver(cancellationToken);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var full = new BlockingCollection<DirectBatch>(batches);
        using var free = new BlockingCollection<DirectBatch>(batches);
        for (var i = 1; i < batches; i++)
        {
            free.Add(new DirectBatch(), CancellationToken.None);
        }

        Exception? failure = null;
        var pipe = new DirectBatchPipe(new DirectBatch(), full, free, null);
        var worker = new Thread(() =>
        {
            try
            {
                produce(pipe, stop.Token);
                pipe.HandOver(stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The consumer stopped: nothing to report.
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                full.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "unified log direct read-ahead",
        };
        worker.Start();
        try
        {
            foreach (var batch in full.GetConsumingEnumerable(CancellationToken.None))
            {
                cancellationToken.ThrowIfCancellationRequested();
                consume(batch);
                batch.Clear();
                free.Add(batch, CancellationToken.None);
            }
        }
        finally
        {
            stop.Cancel();
            while (full.TryTake(out _))
            {
            }

            worker.Join();
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Passes the current batch on (when it holds anything) and starts an empty one.</summary>
    public void HandOver(CancellationToken cancellationToken)
    {
        var batch = Current;
        if (batch.Count == 0)
        {
            return;
        }

        batch.CompleteMessages();
        if (_consume is not null)
        {
            _consume(batch);
            batch.Clear();
            return;
        }

        _full!.Add(batch, cancellationToken);
        var next = _free!.Take(cancellationToken);
        Current = next;
    }
}
