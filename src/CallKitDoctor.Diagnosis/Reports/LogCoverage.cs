using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Reports;

/// <summary>
/// The time window the log covers, overall and per process, and the holes in it (forward jumps between consecutive
/// entries longer than <see cref="GapThreshold"/>): rules use it to tell "not logged" from "did not happen".
/// </summary>
/// <remarks>
/// For a logarchive or sysdiagnose, the stores (Persist, Special, Signpost, HighVolume, live data) each keep their own
/// stretch of time, and Special or HighVolume often reach back days before Persist rotated. An ordinary CallKit line
/// from before the earliest entry of the stores that hold ordinary lines (<see cref="LogStorePaths.HoldsOrdinaryLines"/>)
/// was not logged, even when the log as a whole starts earlier: <see cref="LoggedFrom"/> is that start, taken from the
/// capture's <see cref="StoreWindows"/> when given, else from the entries' tracev3 files as they stream by (exact for
/// a time-ordered read, so that episodes closed early decide as the whole log would).
/// </remarks>
public sealed class LogCoverage
{
    /// <summary>The most gaps kept; beyond it <see cref="GapsTruncated"/> is set and later windows count as not covered.</summary>
    public const int MaxGaps = 4096;

    private readonly Dictionary<string, (LogTimestamp First, LogTimestamp Last, long Entries)> _byProcess =
        new(StringComparer.Ordinal);

    private readonly List<LogGap> _gaps = [];
    private LogTimestamp? _previous;
    private LogTimestamp? _truncatedFrom;
    private string? _lastSource;
    private bool _lastSourceHoldsOrdinaryLines;
    private bool _fromStores;
    private long? _ordinaryFirstTicks;
    private IReadOnlyList<LogStoreWindow> _storeWindows = [];
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

    /// <summary>
    /// The capture's store windows (<see cref="CaptureContext.StoreWindows"/>), when the input is a logarchive or
    /// sysdiagnose; empty for text.
    /// </summary>
    public IReadOnlyList<LogStoreWindow> StoreWindows
    {
        get => _storeWindows;
        set => _storeWindows = value ?? [];
    }

    /// <summary>True when the entries came from log stores (a logarchive or sysdiagnose), by windows or by file.</summary>
    public bool HasStores => _storeWindows.Count > 0 || _fromStores;

    /// <summary>
    /// Since when an ordinary line would be in the log: the earliest entry of the stores that hold ordinary lines for
    /// a logarchive, else the earliest entry. Null when nothing could hold one.
    /// </summary>
    public LogTimestamp? LoggedFrom
    {
        get
        {
            if (!HasStores)
            {
                return First;
            }

            var ticks = OrdinaryStoresStart();
            if (ticks is not { } start || First is not { } first)
            {
                return null;
            }

            // The same instant, shown at the log's own offset.
            return start <= first.OrderingTicks ? first : first.Add(TimeSpan.FromTicks(start - first.OrderingTicks));
        }
    }

    /// <summary>Accounts for one entry.</summary>
    public void Observe(LogEntry entry)
    {
        Entries++;
        if (entry.Timestamp is { } ts)
        {
            ObserveTimed(ts, entry.Location.Source, entry.Process);
        }
    }

    /// <summary>Accounts for one entry that was not built (<see cref="ISkippedLineSink"/>): the same as the entry would.</summary>
    public void Observe(LogTimestamp? timestamp, string? process, string? source)
    {
        Entries++;
        if (timestamp is { } ts)
        {
            ObserveTimed(ts, source, process);
        }
    }

    private void ObserveTimed(LogTimestamp ts, string? source, string? process)
    {

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
            else if (!GapsTruncated)
            {
                GapsTruncated = true;
                _truncatedFrom = previous;
            }
        }

        _previous = ts;
        ObserveStore(source, ts);
        if (process is not null)
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
    /// <remarks>
    /// For a logarchive the start is <see cref="LoggedFrom"/>: a window before the stores that hold ordinary lines
    /// is not covered. Past <see cref="MaxGaps"/> holes, windows that end after the first hole not kept are not covered.
    /// </remarks>
    public bool Covers(LogTimestamp from, LogTimestamp to)
    {
        if (First is not { } first || Last is not { } last || first > from || last < to)
        {
            return false;
        }

        if (HasStores && (OrdinaryStoresStart() is not { } start || start > from.OrderingTicks))
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

        return _truncatedFrom is not { } truncated || to.OrderingTicks <= truncated.OrderingTicks;
    }

    /// <summary>The earliest entry (UTC ticks) of the stores that hold ordinary lines, from the windows when given.</summary>
    private long? OrdinaryStoresStart()
    {
        if (_storeWindows.Count == 0)
        {
            return _ordinaryFirstTicks;
        }

        long? start = null;
        foreach (var window in _storeWindows)
        {
            if (LogStorePaths.HoldsOrdinaryLines(window.Store) && window.First is { } windowFirst &&
                (start is null || windowFirst.UtcTicks < start))
            {
                start = windowFirst.UtcTicks;
            }
        }

        return start;
    }

    // Entries of one file come in runs: the store is looked up when the source changes (a reference comparison).
    private void ObserveStore(string? source, LogTimestamp ts)
    {
        if (!ReferenceEquals(source, _lastSource))
        {
            _lastSource = source;
            var kind = LogStorePaths.KindOf(source);
            _fromStores |= kind is not null;
            _lastSourceHoldsOrdinaryLines = kind is { } k && LogStorePaths.HoldsOrdinaryLines(k);
        }

        if (_lastSourceHoldsOrdinaryLines && (_ordinaryFirstTicks is null || ts.OrderingTicks < _ordinaryFirstTicks))
        {
            _ordinaryFirstTicks = ts.OrderingTicks;
        }
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
