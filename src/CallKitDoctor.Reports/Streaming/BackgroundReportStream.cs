using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Threading;

namespace CallKitDoctor.Reports.Streaming;

/// <summary>
/// Renders another <see cref="ReportStream"/>'s calls on a thread of its own, so that writing the report overlaps with
/// the diagnosis that finishes the calls. Calls reach the inner stream in the order they are accepted; at most
/// <see cref="QueuedCalls"/> wait. A failure of the inner stream (e.g. its spill file) comes out of the next
/// <see cref="ReportStream.Accept"/> or of <see cref="Complete"/>; <see cref="Complete"/> waits until every call is
/// rendered, then lets the inner stream write the document, so the output is the inner stream's own. The diagnosis
/// hands a call over only once nothing can change it any more, so it may be read on another thread.
/// </summary>
public sealed class BackgroundReportStream : ReportStream
{
    /// <summary>Calls waiting to be rendered at most (the diagnosis waits when the renderer falls behind).</summary>
    public const int QueuedCalls = 64;

    private readonly ReportStream _inner;
    private readonly BlockingCollection<CallFlow> _queue = new(QueuedCalls);
    private readonly CancellationTokenSource _abandon = new();
    private readonly Thread _worker;
    private readonly object _progress = new();
    private ExceptionDispatchInfo? _failure;
    private int _accepted;
    private int _rendered;
    private bool _stopped;
    private bool _drained;
    private bool _disposed;

    public BackgroundReportStream(ReportStream inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _worker = new Thread(Render) { IsBackground = true, Name = "report renderer" };
        _worker.Start();
    }

    /// <summary>Whether a second core can take the rendering (otherwise the thread would only add switches).</summary>
    public static bool IsWorthIt => ReadAhead.IsWorthIt;

    public override string? SpillFolder => _inner.SpillFolder;

    /// <summary>
    /// Blocks until every call accepted so far has been rendered by the inner stream (or the rendering stopped on a
    /// failure, which this then throws): afterwards the inner stream's state, such as its spill folder, is current.
    /// </summary>
    public void WaitForRendering()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_progress)
        {
            while (_rendered < _accepted && !_stopped)
            {
                Monitor.Wait(_progress);
            }
        }

        Volatile.Read(ref _failure)?.Throw();
    }

    public override void Complete(DiagnosisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Drain();
        Volatile.Read(ref _failure)?.Throw();
        SpilledCalls = _inner.SpilledCalls;
        _inner.Complete(report, output);
    }

    private protected override void AcceptCore(CallFlow call)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Volatile.Read(ref _failure)?.Throw();
        if (_drained)
        {
            throw new InvalidOperationException("the report is already complete");
        }

        try
        {
            lock (_progress)
            {
                _accepted++;
            }

            _queue.Add(call);
        }
        catch (InvalidOperationException) when (Volatile.Read(ref _failure) is { } failure)
        {
            // The renderer stopped on a failure and closed the queue: that failure is the answer.
            failure.Throw();
        }

        SpilledCalls++;
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            // Whatever is still queued is not wanted any more (an error or a cancellation got here first).
            _abandon.Cancel();
            Drain();
            _inner.Dispose();
            _queue.Dispose();
            _abandon.Dispose();
        }
    }

    private void Drain()
    {
        if (_drained)
        {
            return;
        }

        _drained = true;
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
        }

        _worker.Join();
    }

    private void Render()
    {
        try
        {
            foreach (var call in _queue.GetConsumingEnumerable(_abandon.Token))
            {
                _inner.Accept(call);
                lock (_progress)
                {
                    _rendered++;
                    Monitor.PulseAll(_progress);
                }
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Disposed before completion: the rest is dropped.
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _failure, ExceptionDispatchInfo.Capture(ex));
            _queue.CompleteAdding();
        }
        finally
        {
            lock (_progress)
            {
                _stopped = true;
                Monitor.PulseAll(_progress);
            }
        }
    }
}
