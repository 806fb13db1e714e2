using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified.Merge;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// Merges the entry streams of several files by timestamp: a k-way merge that always yields the earliest head entry
/// (ties go to the file that starts earlier), so each file's own order is kept. Entries without a time sort first.
/// Files are opened only when the merge reaches their first entry's time, so only files whose time spans overlap the
/// current time are open at once.
/// </summary>
/// <remarks>
/// Up to <see cref="LiveReaderLimit"/> open files, each file's reader stays live one entry ahead (its chunkset buffer
/// from <c>ChunksetBufferPool</c>, its latest catalog only). Past the limit, memory stops growing with the number of
/// overlapping files: each file keeps a window of its next entries, read a batch at a time, and its reader is parked
/// after each batch (<see cref="MergeInput.Park"/>: the buffer goes back to the pool, only position and catalog stay)
/// and resumes, decompressing its chunkset again, when its window runs dry. The windows share one budget of
/// <see cref="ByteBudget"/> estimated heap bytes: the more files overlap, the smaller each window (down to one entry),
/// trading extra chunkset decompressions (and older, GC-promoted entries) for a bounded heap. The alternative,
/// spilling merged runs of entries to a temp file, bounds memory too but writes and reads every entry once more (all
/// of its fields, for byte-identical output) and needs disk space in proportion to the archive; re-reading the
/// tracev3 file itself is cheaper: it is already on disk, compressed, and likely in the page cache. Either way the
/// output is the same: the merge only ever compares the windows' first entries, as it compared the streams' heads.
/// </remarks>
internal sealed class TimeOrderedMerge
{
    private readonly List<string> _files;
    private readonly Func<string, LogTimestamp?> _firstTime;
    private readonly Func<string, MergeInput> _open;

    public TimeOrderedMerge(List<string> files, Func<string, LogTimestamp?> firstTime, Func<string, IEnumerable<LogEntry>> read)
        : this(files, firstTime, f => new MergeInput(read(f), null))
    {
    }

    public TimeOrderedMerge(List<string> files, Func<string, LogTimestamp?> firstTime, Func<string, MergeInput> open)
    {
        _files = files;
        _firstTime = firstTime;
        _open = open;
    }

    /// <summary>Default of <see cref="LiveReaderLimit"/>.</summary>
    public const int DefaultLiveReaderLimit = 1024;

    /// <summary>Default of <see cref="ByteBudget"/>.</summary>
    public const long DefaultByteBudget = 12L << 20;

    /// <summary>
    /// Most open files whose readers stay live (unparked, one entry ahead, as fast as a merge can be); past it every
    /// reader is parked between windows, so memory stops growing with the number of overlapping files.
    /// </summary>
    public int LiveReaderLimit { get; init; } = DefaultLiveReaderLimit;

    /// <summary>
    /// Estimated heap bytes of the entries held in all windows together once readers are parked (each file's window
    /// gets this / open files, and at least one entry).
    /// </summary>
    public long ByteBudget { get; init; } = DefaultByteBudget;

    /// <summary>Most entries in the window of a parked file.</summary>
    public int MaxWindow { get; init; } = 1024;

    /// <summary>Most files open at once during the last <see cref="Read"/>.</summary>
    public int MaxOpenFiles { get; private set; }

    /// <summary>Most open files whose readers were not parked at once (holding a chunkset buffer).</summary>
    public int MaxLiveReaders { get; private set; }

    /// <summary>Most entries held in the windows at once.</summary>
    public int MaxBufferedEntries { get; private set; }

    /// <summary>Most estimated bytes held in the windows at once (see <see cref="MergeCursor.EstimateBytes"/>).</summary>
    public long MaxBufferedBytes { get; private set; }

    /// <summary>Window refills (each of a parked file costs one chunkset decompression).</summary>
    public long Refills { get; private set; }

    public IEnumerable<LogEntry> Read()
    {
        var pending = StartOrder(_files, _firstTime);
        var heap = new PriorityQueue<MergeCursor, MergeKey>();
        var next = 0;
        var live = 0;
        var buffered = 0;
        var bufferedBytes = 0L;
        try
        {
            while (true)
            {
                // Open every file that starts no later than the earliest head (or the next file when none is open).
                while (next < pending.Count && (heap.Count == 0 || (heap.TryPeek(out _, out var top) && pending[next].Start.CompareTime(top) <= 0)))
                {
                    var cursor = new MergeCursor(_open(pending[next].File), next);
                    next++;
                    if (Refill(cursor, heap.Count + 1, ref live, ref buffered, ref bufferedBytes))
                    {
                        heap.Enqueue(cursor, cursor.Key);
                        MaxOpenFiles = Math.Max(MaxOpenFiles, heap.Count);
                    }
                    else
                    {
                        cursor.Dispose();
                    }
                }

                if (!heap.TryPeek(out var head, out _))
                {
                    yield break;
                }

                buffered--;
                var before = head.BufferedBytes;
                var taken = head.Take();
                bufferedBytes -= before - head.BufferedBytes;
                yield return taken;
                if (head.Buffered > 0 || Refill(head, heap.Count, ref live, ref buffered, ref bufferedBytes))
                {
                    // The head's key only grows or shrinks in place: one sift instead of a dequeue and an enqueue.
                    heap.DequeueEnqueue(head, head.Key);
                }
                else
                {
                    heap.Dequeue();
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

    /// <summary>
    /// The files in the order the merge opens them: by the time of their first event (files without one first), ties
    /// in name order; a file's place in this list is its rank.
    /// </summary>
    internal static List<(string File, MergeKey Start)> StartOrder(List<string> files, Func<string, LogTimestamp?> firstTime) =>
        files
            .Select((file, index) => (File: file, Index: index, Start: firstTime(file)))
            .OrderBy(f => f.Start, NullFirst.Instance)
            .ThenBy(f => f.Index)
            .Select(f => (f.File, Start: MergeKey.Of(f.Start, 0)))
            .ToList();

    /// <summary>Reads the next window of <paramref name="cursor"/>, sized and parked for <paramref name="open"/> open files.</summary>
    private bool Refill(MergeCursor cursor, int open, ref int live, ref int buffered, ref long bufferedBytes)
    {
        Refills++;
        var park = open > LiveReaderLimit;
        // A file's first window is one entry: more files of the same instant may be about to open, and the budget
        // is shared by all of them; later windows are sized for the files open then.
        var size = park && cursor.Started ? MaxWindow : 1;
        var wasLive = cursor.HoldsReader ? 1 : 0;
        // While it fills, the cursor's reader is live whatever it was before.
        MaxLiveReaders = Math.Max(MaxLiveReaders, live - wasLive + 1);
        var more = cursor.Fill(size, ByteBudget / open, park);
        live += (cursor.HoldsReader ? 1 : 0) - wasLive;
        buffered += cursor.Buffered;
        bufferedBytes += cursor.BufferedBytes;
        MaxBufferedBytes = Math.Max(MaxBufferedBytes, bufferedBytes);
        MaxBufferedEntries = Math.Max(MaxBufferedEntries, buffered);
        return more;
    }

    private sealed class NullFirst : IComparer<LogTimestamp?>
    {
        public static readonly NullFirst Instance = new();

        public int Compare(LogTimestamp? x, LogTimestamp? y) =>
            x is { } a ? (y is { } b ? a.CompareTo(b) : 1) : (y is null ? 0 : -1);
    }
}
