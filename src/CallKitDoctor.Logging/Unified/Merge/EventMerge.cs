using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified.Direct;

namespace CallKitDoctor.Logging.Unified.Merge;

/// <summary>
/// The time-ordered merge of <see cref="TimeOrderedMerge"/> over event cursors instead of entry streams: the same
/// k-way merge (earliest current event first, ties to the file that starts earlier, each file's own order kept, files
/// opened when the merge reaches their first event's time), so it takes the events in the same order, but the heap
/// holds only value keys and one reader per open file positioned on its current event. The caller renders the
/// taken event straight from the reader's buffer before the cursor moves on: no entry object, no message string and
/// nothing per event is kept.
/// </summary>
/// <remarks>
/// A live reader holds its decompressed chunkset (64 KiB). Past <see cref="LiveReaderLimit"/> open files, a cursor
/// that moves on renders a window of its next events (at most <see cref="WindowEvents"/> and about
/// <see cref="WindowTextBytes"/> of messages, a few KB) and parks its reader, which decompresses its chunkset again
/// when the window is used up: memory per open file drops to the window and the reader's catalog, for one extra
/// decompression per window. The order is the same either way (the keys are the events' keys), and a file still ends
/// (<c>ended</c>) when its last event is taken.
/// </remarks>
internal sealed class EventMerge
{
    private readonly List<string> _files;
    private readonly Func<string, LogTimestamp?> _firstTime;
    private readonly Func<string, int, EventCursor?> _open;

    /// <param name="files">The files, in name order.</param>
    /// <param name="firstTime">The time of a file's first event (null: none or unknown).</param>
    /// <param name="open">Opens a file as a cursor of the given rank, not yet moved (null when it cannot be opened).</param>
    public EventMerge(List<string> files, Func<string, LogTimestamp?> firstTime, Func<string, int, EventCursor?> open)
    {
        _files = files;
        _firstTime = firstTime;
        _open = open;
    }

    /// <summary>Default of <see cref="LiveReaderLimit"/>: set (a)'s 731 overlapping files stay live, under 150 MB.</summary>
    public const int DefaultLiveReaderLimit = 768;

    /// <summary>Most open files whose readers stay live; past it, cursors that move on are windowed and parked.</summary>
    public int LiveReaderLimit { get; init; } = DefaultLiveReaderLimit;

    /// <summary>Most events in a parked file's window.</summary>
    public int WindowEvents { get; init; } = 32;

    /// <summary>Bytes of escaped messages past which a window stops (it always takes one event).</summary>
    public int WindowTextBytes { get; init; } = 4096;

    /// <summary>Most files open at once during the last <see cref="Run"/>.</summary>
    public int MaxOpenFiles { get; private set; }

    /// <summary>Windows filled during the last <see cref="Run"/> (each costs its reader a chunkset decompression).</summary>
    public long Windows { get; private set; }

    /// <summary>
    /// Passes every event in time order either to <paramref name="render"/> (a live cursor, on its event: to add to
    /// <paramref name="output"/>'s current batch; also used to fill windows) or, when windowed, from the window to the
    /// output batch, calling <paramref name="added"/> after each event; and every file read to its end to
    /// <paramref name="ended"/> (before its reader is disposed), as the entry merge ends them.
    /// </summary>
    /// <param name="output">The batch taken events go to.</param>
    /// <param name="render">Adds a cursor's current event (from its reader) to a batch.</param>
    /// <param name="keepOut">Whether a cursor's current event is rendered from its reader rather than into a window.</param>
    /// <param name="added">Called after each event added to the output.</param>
    /// <param name="ended">Called for each file read to its end.</param>
    /// <param name="cancellationToken">Stops the merge.</param>
    public void Run(Func<DirectBatch> output, Action<EventCursor, DirectBatch> render, Func<EventCursor, bool> keepOut, Action added,
        Action<EventCursor> ended, CancellationToken cancellationToken)
    {
        var pending = TimeOrderedMerge.StartOrder(_files, _firstTime);
        var heap = new PriorityQueue<EventCursor, MergeKey>();
        var next = 0;
        try
        {
            while (true)
            {
                // Open every file that starts no later than the earliest current event (or the next file when none is open).
                var opening = -1;
                while (next < pending.Count && (heap.Count == 0 || (heap.TryPeek(out _, out var top) && pending[next].Start.CompareTime(top) <= 0)))
                {
                    if (opening < 0)
                    {
                        // How many files open now (about: the earliest event may move back as they open): when they
                        // will be more than the limit, they start windowed, rather than live and windowed a moment
                        // later (each live reader's chunkset buffer then left to the GC).
                        opening = CountOpening(pending, next, heap);
                    }

                    var cursor = _open(pending[next].File, next);
                    next++;
                    if (cursor is null)
                    {
                        continue;
                    }

                    if (cursor.MoveNext(cancellationToken))
                    {
                        if (heap.Count >= LiveReaderLimit || heap.Count + opening > LiveReaderLimit)
                        {
                            Fill(cursor, render, keepOut, cancellationToken);
                        }

                        heap.Enqueue(cursor, cursor.Key);
                        MaxOpenFiles = Math.Max(MaxOpenFiles, heap.Count);
                    }
                    else
                    {
                        ended(cursor);
                        cursor.Dispose();
                    }
                }

                if (!heap.TryPeek(out var head, out _))
                {
                    return;
                }

                if (head.Windowed > 0)
                {
                    head.TakeInto(output());
                }
                else
                {
                    head.TakeLive(render, output());
                }

                added();
                if (head.Windowed > 0 || head.PendingCurrent || (!head.ReaderEnded && Advance(head, heap.Count, render, keepOut, cancellationToken)))
                {
                    // The head's key only moves in place: one sift instead of a dequeue and an enqueue.
                    heap.DequeueEnqueue(head, head.Key);
                }
                else
                {
                    heap.Dequeue();
                    ended(head);
                    head.Dispose();
                }
            }
        }
        finally
        {
            while (heap.TryDequeue(out var open, out _))
            {
                open.Dispose();
            }
        }
    }

    /// <summary>The files from <paramref name="next"/> on that start no later than the earliest current event.</summary>
    private static int CountOpening(List<(string File, MergeKey Start)> pending, int next, PriorityQueue<EventCursor, MergeKey> heap)
    {
        var limit = heap.TryPeek(out _, out var top) ? top : pending[next].Start;
        var count = 0;
        while (next + count < pending.Count && pending[next + count].Start.CompareTime(limit) <= 0)
        {
            count++;
        }

        return count;
    }

    /// <summary>Moves a cursor whose event was taken to its next event, windowed when too many files are open.</summary>
    private bool Advance(EventCursor cursor, int open, Action<EventCursor, DirectBatch> render, Func<EventCursor, bool> keepOut,
        CancellationToken cancellationToken)
    {
        if (!cursor.MoveNext(cancellationToken))
        {
            return false;
        }

        if (open > LiveReaderLimit)
        {
            Fill(cursor, render, keepOut, cancellationToken);
        }

        return true;
    }

    private void Fill(EventCursor cursor, Action<EventCursor, DirectBatch> render, Func<EventCursor, bool> keepOut, CancellationToken cancellationToken)
    {
        Windows++;
        cursor.Fill(render, keepOut, WindowEvents, WindowTextBytes, cancellationToken);
    }
}
