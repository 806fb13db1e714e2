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
/// that moves on renders a window of its next events and parks its reader, which decompresses its chunkset again when
/// the window is used up. The windows share <see cref="WindowBudget"/>: each is allowed the budget divided by the
/// files open or still to open, so what they hold together stays about the same however many files overlap (more
/// files: shorter windows, more decompressions). Memory per open file drops to its window, the reader's catalog and a few small
/// objects. The order is the same either way (the keys are the events' keys), and a file still ends (<c>ended</c>)
/// when its last event is taken.
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

    /// <summary>
    /// Default of <see cref="WindowBudget"/>: what 384 live readers' chunkset buffers hold, so that past
    /// <see cref="DefaultLiveReaderLimit"/> files the merge holds less than below it, leaving room for the per-file
    /// state that still grows with the files (catalogs, 4-14 KB each). Measured on 2 and 3 times set (a) (1,462 and
    /// 2,193 overlapping files): 24 MB cost 2 x (a) 14 % more CPU than 32 MB, 32 MB took 3 x (a) to 173-176 MB peak
    /// and 28 MB to 158-180 MB.
    /// </summary>
    public const long DefaultWindowBudget = 24L << 20;

    /// <summary>
    /// Heap bytes (fields, keys and escaped messages) the windows of parked files hold together: a window is allowed
    /// this divided by the open files (at least one event).
    /// </summary>
    public long WindowBudget { get; init; } = DefaultWindowBudget;

    /// <summary>Most events in a parked file's window.</summary>
    public int MaxWindowEvents { get; init; } = 4096;

    /// <summary>Bytes held by windows (arrays and text buffers) at most at once during the last <see cref="Run"/>.</summary>
    public long PeakWindowBytes { get; private set; }

    /// <summary>Events taken from windows during the last <see cref="Run"/>.</summary>
    public long WindowedEvents { get; private set; }

    /// <summary>Most files open at once during the last <see cref="Run"/>.</summary>
    public int MaxOpenFiles { get; private set; }

    /// <summary>Windows filled during the last <see cref="Run"/> (each costs its reader a chunkset decompression).</summary>
    public long Windows { get; private set; }

    // Bytes held by the windows of the open files (arrays and text buffers).
    private long _windowBytes;

    /// <summary>
    /// Passes every event in time order either to <paramref name="render"/> (a live cursor, on its event: to add to
    /// <paramref name="output"/>'s current batch; also used to fill windows) or, when windowed, from the window to the
    /// output batch, calling <paramref name="added"/> after each event; and every file read to its end to
    /// <paramref name="ended"/> (before its reader is disposed), as the entry merge ends them.
    /// </summary>
    /// <param name="output">The batch taken events go to.</param>
    /// <param name="render">Adds a cursor's current event (from its reader) to a batch; false when a window has no room for it.</param>
    /// <param name="keepOut">Whether a cursor's current event is rendered from its reader rather than into a window
    /// with the given bytes of text room (its message would take much of them).</param>
    /// <param name="added">Called after each event added to the output.</param>
    /// <param name="ended">Called for each file read to its end.</param>
    /// <param name="cancellationToken">Stops the merge.</param>
    public void Run(Func<DirectBatch> output, Func<EventCursor, DirectBatch, bool> render, Func<EventCursor, int, bool> keepOut, Action added,
        Action<EventCursor> ended, CancellationToken cancellationToken)
    {
        var pending = TimeOrderedMerge.StartOrder(_files, _firstTime);
        var heap = new PriorityQueue<EventCursor, MergeKey>();
        var next = 0;
        _windowBytes = 0;
        try
        {
            while (true)
            {
                // Open every file that starts no later than the earliest current event (or the next file when none is open).
                var crowd = -1;
                while (next < pending.Count && (heap.Count == 0 || (heap.TryPeek(out _, out var top) && pending[next].Start.CompareTime(top) <= 0)))
                {
                    if (crowd < 0)
                    {
                        // How many files will be open once these are (about: the earliest event may move back as they
                        // open): past the limit they start windowed, rather than live and windowed a moment later
                        // (each live reader's chunkset buffer then left to the GC), and their windows share the budget
                        // with all of them from the first.
                        crowd = heap.Count + CountOpening(pending, next, heap);
                    }

                    var cursor = _open(pending[next].File, next);
                    next++;
                    if (cursor is null)
                    {
                        continue;
                    }

                    if (cursor.MoveNext(cancellationToken))
                    {
                        if (Math.Max(crowd, heap.Count + 1) > LiveReaderLimit)
                        {
                            // Its share: among the files open (this one too) and those still to open.
                            Fill(cursor, render, keepOut, heap.Count + 1 + pending.Count - next, cancellationToken);
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
                    WindowedEvents++;
                }
                else
                {
                    head.TakeLive(render, output());
                }

                added();
                if (head.Windowed > 0 || head.PendingCurrent ||
                    (!head.ReaderEnded && Advance(head, heap.Count, pending.Count - next, render, keepOut, cancellationToken)))
                {
                    // The head's key only moves in place: one sift instead of a dequeue and an enqueue.
                    heap.DequeueEnqueue(head, head.Key);
                }
                else
                {
                    heap.Dequeue();
                    _windowBytes -= head.WindowBytes;
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

    /// <summary>
    /// Moves a cursor whose event was taken to its next event, windowed when too many files are open (its window's
    /// share of the budget counts the <paramref name="unopened"/> files too: they may open while it is in use).
    /// </summary>
    private bool Advance(EventCursor cursor, int open, int unopened, Func<EventCursor, DirectBatch, bool> render,
        Func<EventCursor, int, bool> keepOut, CancellationToken cancellationToken)
    {
        if (!cursor.MoveNext(cancellationToken))
        {
            return false;
        }

        if (open > LiveReaderLimit)
        {
            Fill(cursor, render, keepOut, open + unopened, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Fills a cursor's window with its share of <see cref="WindowBudget"/> among <paramref name="sharing"/> files: those
    /// open and those not opened yet (they may open while the window is in use; counting them keeps windows filled
    /// early, when few files are open, from taking the whole budget).
    /// </summary>
    private void Fill(EventCursor cursor, Func<EventCursor, DirectBatch, bool> render, Func<EventCursor, int, bool> keepOut, int sharing,
        CancellationToken cancellationToken)
    {
        Windows++;
        var allowance = (int)Math.Clamp(WindowBudget / sharing, 1, int.MaxValue / 2);
        var before = cursor.WindowBytes;
        cursor.Fill(render, keepOut, allowance, MaxWindowEvents, cancellationToken);
        _windowBytes += cursor.WindowBytes - before;
        PeakWindowBytes = Math.Max(PeakWindowBytes, _windowBytes);
    }
}
