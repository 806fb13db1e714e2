using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// Merges the entry streams of several files by timestamp: a k-way merge that always yields the earliest head entry
/// (ties go to the file that starts earlier), so each file's own order is kept. Files are opened only when the merge
/// reaches their first entry's time, so at once it holds one open stream per file whose time span overlaps the
/// current time, not one per file of the archive. Entries without a time sort first.
/// </summary>
internal sealed class TimeOrderedMerge
{
    private readonly List<string> _files;
    private readonly Func<string, LogTimestamp?> _firstTime;
    private readonly Func<string, IEnumerable<LogEntry>> _read;

    public TimeOrderedMerge(List<string> files, Func<string, LogTimestamp?> firstTime, Func<string, IEnumerable<LogEntry>> read)
    {
        _files = files;
        _firstTime = firstTime;
        _read = read;
    }

    public IEnumerable<LogEntry> Read()
    {
        var pending = _files
            .Select((file, index) => (File: file, Index: index, Start: _firstTime(file)))
            .OrderBy(f => f.Start, NullFirst.Instance)
            .ThenBy(f => f.Index)
            .ToList();
        var heap = new PriorityQueue<Head, (LogTimestamp? Time, int Rank)>(new KeyComparer());
        var next = 0;
        try
        {
            while (true)
            {
                // Open every file that starts no later than the earliest head (or the next file when none is open).
                while (next < pending.Count && (heap.Count == 0 || !heap.TryPeek(out _, out var top) || NullFirst.Instance.Compare(pending[next].Start, top.Time) <= 0))
                {
                    var rank = next++;
                    var stream = _read(pending[rank].File).GetEnumerator();
                    if (stream.MoveNext())
                    {
                        heap.Enqueue(new Head(stream, rank), (stream.Current.Timestamp, rank));
                    }
                    else
                    {
                        stream.Dispose();
                    }
                }

                if (!heap.TryDequeue(out var head, out _))
                {
                    yield break;
                }

                yield return head.Stream.Current;
                if (head.Stream.MoveNext())
                {
                    heap.Enqueue(head, (head.Stream.Current.Timestamp, head.Rank));
                }
                else
                {
                    head.Stream.Dispose();
                }
            }
        }
        finally
        {
            while (heap.TryDequeue(out var open, out _))
            {
                open.Stream.Dispose();
            }
        }
    }

    private readonly record struct Head(IEnumerator<LogEntry> Stream, int Rank);

    private sealed class KeyComparer : IComparer<(LogTimestamp? Time, int Rank)>
    {
        public int Compare((LogTimestamp? Time, int Rank) x, (LogTimestamp? Time, int Rank) y)
        {
            var c = NullFirst.Instance.Compare(x.Time, y.Time);
            return c != 0 ? c : x.Rank.CompareTo(y.Rank);
        }
    }

    private sealed class NullFirst : IComparer<LogTimestamp?>
    {
        public static readonly NullFirst Instance = new();

        public int Compare(LogTimestamp? x, LogTimestamp? y) =>
            x is { } a ? (y is { } b ? a.CompareTo(b) : 1) : (y is null ? 0 : -1);
    }
}
