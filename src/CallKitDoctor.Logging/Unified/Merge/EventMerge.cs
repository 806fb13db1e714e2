using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Unified.Merge;

/// <summary>
/// The time-ordered merge of <see cref="TimeOrderedMerge"/> over event cursors instead of entry streams: the same
/// k-way merge (earliest current event first, ties to the file that starts earlier, each file's own order kept, files
/// opened when the merge reaches their first event's time), so it takes the events in the same order, but the heap
/// holds only value keys and one reader per open file positioned on its current event. The caller renders the
/// taken event straight from the reader's buffer (<c>emit</c>) before the cursor moves on: no entry object, no
/// message string and nothing per event is kept, whatever the number of overlapping files.
/// </summary>
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

    /// <summary>Most files open at once during the last <see cref="Run"/>.</summary>
    public int MaxOpenFiles { get; private set; }

    /// <summary>
    /// Passes every event to <paramref name="emit"/> in time order (the cursor on it), and every file read to its end
    /// to <paramref name="ended"/> (before its reader is disposed), as the entry merge ends them.
    /// </summary>
    public void Run(Action<EventCursor> emit, Action<EventCursor> ended, CancellationToken cancellationToken)
    {
        var pending = TimeOrderedMerge.StartOrder(_files, _firstTime);
        var heap = new PriorityQueue<EventCursor, MergeKey>();
        var next = 0;
        try
        {
            while (true)
            {
                // Open every file that starts no later than the earliest current event (or the next file when none is open).
                while (next < pending.Count && (heap.Count == 0 || (heap.TryPeek(out _, out var top) && pending[next].Start.CompareTime(top) <= 0)))
                {
                    var cursor = _open(pending[next].File, next);
                    next++;
                    if (cursor is null)
                    {
                        continue;
                    }

                    if (cursor.MoveNext(cancellationToken))
                    {
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

                emit(head);
                if (head.MoveNext(cancellationToken))
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
}
