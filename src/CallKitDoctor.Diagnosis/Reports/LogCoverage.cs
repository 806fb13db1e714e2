using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Reports;

/// <summary>
/// The time window the log covers, overall and per process, and the holes in it (forward jumps between consecutive
/// entries longer than <see cref="GapThreshold"/>): rules use it to tell "not logged" from "did not happen".
/// </summary>
public sealed class LogCoverage
{
    /// <summary>The most gaps kept; beyond it <see cref="GapsTruncated"/> is set and later windows count as not covered.</summary>
    public const int MaxGaps = 4096;

    private readonly Dictionary<string, (LogTimestamp First, LogTimestamp Last, long Entries)> _byProcess =
        new(StringComparer.Ordinal);

    private readonly List<LogGap> _gaps = [];
    private LogTimestamp? _previous;
    private string? _lastProcessName;
    private (LogTimestamp First, LogTimestamp Last, long Entries) _lastProcessWindow;

    public LogCoverage()
        : this(TimeSpan.FromSeconds(60))
    {
    }

    /// <param name="gapThreshold">A forward jump between consecutive entries longer than this is a hole in the log.</param>
    public LogCoverage(TimeSpan gapThreshold) => GapThreshold = gapThreshold;

    /// <summary>A forward jump between consecutive entries longer than this counts as a hole in the log (default 60 s: pasted segments, purged stretches).</summary>
    public TimeSpan GapThreshold { get; }

    /// <summary>The earliest timestamp seen.</summary>
    public LogTimestamp? First { get; private set; }

    /// <summary>The latest timestamp seen.</summary>
    public LogTimestamp? Last { get; private set; }

    /// <summary>Entries seen in all.</summary>
    public long Entries { get; private set; }

    /// <summary>Entries that carried a timestamp.</summary>
    public long TimedEntries { get; private set; }

    /// <summary>Processes seen with their first and last timestamps and entry counts.</summary>
    public IReadOnlyDictionary<string, (LogTimestamp First, LogTimestamp Last, long Entries)> Processes
    {
        get
        {
            FlushProcess();
            return _byProcess;
        }
    }

    /// <summary>Holes in the log, in input order (the first <see cref="MaxGaps"/>).</summary>
    public IReadOnlyList<LogGap> Gaps => _gaps;

    /// <summary>True when more holes were seen than kept.</summary>
    public bool GapsTruncated { get; private set; }

    /// <summary>Accounts for one entry.</summary>
    public void Observe(LogEntry entry)
    {
        Entries++;
        if (entry.Timestamp is not { } ts)
        {
            return;
        }

        TimedEntries++;
        if (First is null || ts < First.Value)
        {
            First = ts;
        }

        if (Last is null || ts > Last.Value)
        {
            Last = ts;
        }

        if (_previous is { } previous && ts.OrderingTicks - previous.OrderingTicks > GapThreshold.Ticks)
        {
            if (_gaps.Count < MaxGaps)
            {
                _gaps.Add(new LogGap(previous, ts));
            }
            else
            {
                GapsTruncated = true;
            }
        }

        _previous = ts;
        if (entry.Process is { } process)
        {
            ObserveProcess(process, ts);
        }
    }

    /// <summary>True when the log has entries from the process (by name, case-insensitive).</summary>
    public bool HasProcess(string process) =>
        Processes.Keys.Any(p => string.Equals(p, process, StringComparison.OrdinalIgnoreCase));

    /// <summary>The window of one process (by name, case-insensitive), if it logged anything with a timestamp.</summary>
    public (LogTimestamp First, LogTimestamp Last, long Entries)? WindowOf(string process)
    {
        foreach (var pair in Processes)
        {
            if (string.Equals(pair.Key, process, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the log reaches from <paramref name="from"/> to <paramref name="to"/> without a hole: it starts at or
    /// before <paramref name="from"/>, ends at or after <paramref name="to"/>, and no gap overlaps the window.
    /// </summary>
    public bool Covers(LogTimestamp from, LogTimestamp to)
    {
        if (First is not { } first || Last is not { } last || first > from || last < to)
        {
            return false;
        }

        foreach (var gap in _gaps)
        {
            if (gap.From.OrderingTicks < to.OrderingTicks && gap.To.OrderingTicks > from.OrderingTicks)
            {
                return false;
            }
        }

        return !GapsTruncated || (_gaps.Count > 0 && _gaps[^1].To.OrderingTicks <= from.OrderingTicks);
    }

    // Consecutive entries of one process are common: keep its window in fields and write it back on a change.
    private void ObserveProcess(string process, LogTimestamp ts)
    {
        if (_lastProcessName is not null && string.Equals(_lastProcessName, process, StringComparison.Ordinal))
        {
            var w = _lastProcessWindow;
            _lastProcessWindow = (ts < w.First ? ts : w.First, ts > w.Last ? ts : w.Last, w.Entries + 1);
            return;
        }

        FlushProcess();
        _lastProcessName = process;
        _lastProcessWindow = _byProcess.TryGetValue(process, out var window)
            ? (ts < window.First ? ts : window.First, ts > window.Last ? ts : window.Last, window.Entries + 1)
            : (ts, ts, 1);
    }

    private void FlushProcess()
    {
        if (_lastProcessName is not null)
        {
            _byProcess[_lastProcessName] = _lastProcessWindow;
        }
    }
}
