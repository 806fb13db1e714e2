using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Unified.Merge;

/// <summary>
/// One open file of a time-ordered merge: a window of the next entries of the file (read a batch at a time, in the
/// file's order) and the file's entry stream, parked between batches when the merge says so. The merge only looks at
/// the window's first entry (<see cref="Key"/>); the stream is touched again when the window is empty.
/// </summary>
internal sealed class MergeCursor : IDisposable
{
    private readonly IEnumerator<LogEntry> _stream;
    private readonly Action? _park;
    private LogEntry?[] _window = [];
    private int[] _sizes = [];
    private int _head;
    private int _count;
    private bool _started;
    private bool _ended;

    public MergeCursor(MergeInput input, int rank)
    {
        _stream = input.Entries.GetEnumerator();
        _park = input.Park;
        Rank = rank;
    }

    /// <summary>The file's place in the merge's start order (ties in time go to the lower rank).</summary>
    public int Rank { get; }

    /// <summary>The sort key of the window's first entry (valid while <see cref="Buffered"/> &gt; 0).</summary>
    public MergeKey Key { get; private set; }

    /// <summary>Entries read from the file and not yet taken.</summary>
    public int Buffered => _count - _head;

    /// <summary>Whether the file's stream is parked (its reader holds no chunkset buffer).</summary>
    public bool Parked { get; private set; }

    /// <summary>Whether a window was read already.</summary>
    public bool Started => _started;

    /// <summary>Whether the file's stream is open and not parked: its reader may hold a chunkset buffer.</summary>
    public bool HoldsReader => _started && !_ended && !Parked;

    /// <summary>Estimated heap bytes of the entries in the window (see <see cref="EstimateBytes"/>).</summary>
    public long BufferedBytes { get; private set; }

    /// <summary>
    /// Reads up to <paramref name="size"/> entries, and no more once they hold <paramref name="maxBytes"/> (at least
    /// one entry), into the (empty) window, then parks the stream when <paramref name="park"/> is set and the file
    /// has more. False when the file has no more entries (the stream is then disposed).
    /// </summary>
    public bool Fill(int size, long maxBytes, bool park)
    {
        _head = 0;
        _count = 0;
        BufferedBytes = 0;
        if (_ended)
        {
            return false;
        }

        if (_window.Length < size)
        {
            _window = new LogEntry?[size];
            _sizes = new int[size];
        }

        _started = true;
        Parked = false;
        while (_count < size && BufferedBytes < maxBytes)
        {
            if (!_stream.MoveNext())
            {
                _ended = true;
                _stream.Dispose();
                break;
            }

            var entry = _stream.Current;
            var bytes = EstimateBytes(entry);
            _sizes[_count] = bytes;
            _window[_count++] = entry;
            BufferedBytes += bytes;
        }

        if (_count == 0)
        {
            return false;
        }

        if (park && !_ended && _park is not null)
        {
            _park();
            Parked = true;
        }

        Key = MergeKey.Of(_window[0]!.Timestamp, Rank);
        return true;
    }

    /// <summary>
    /// About what an entry costs on the heap: a fixed part for the object and its fields, plus its message when it is
    /// already built, else the data kept to build it (statedumps run to tens of KiB). Messages are not built here.
    /// </summary>
    public static int EstimateBytes(LogEntry entry) =>
        512 + (entry.IsMessageFormatted ? 2 * entry.EventMessage.Length : entry is UnifiedLogEntry u ? u.PendingDataBytes : 0);

    /// <summary>Takes the window's first entry; <see cref="Key"/> moves to the next one (when there is one).</summary>
    public LogEntry Take()
    {
        var entry = _window[_head]!;
        BufferedBytes -= _sizes[_head];
        _window[_head++] = null;
        if (_head < _count)
        {
            Key = MergeKey.Of(_window[_head]!.Timestamp, Rank);
        }

        return entry;
    }

    public void Dispose()
    {
        Array.Clear(_window);
        _stream.Dispose();
    }
}
