using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Reports;

/// <summary>
/// The time window the log covers, overall and per process: rules use it to tell "not logged" from "did not happen".
/// </summary>
public sealed class LogCoverage
{
    private readonly Dictionary<string, (LogTimestamp First, LogTimestamp Last, long Entries)> _byProcess =
        new(StringComparer.Ordinal);

    /// <summary>The earliest timestamp seen.</summary>
    public LogTimestamp? First { get; private set; }

    /// <summary>The latest timestamp seen.</summary>
    public LogTimestamp? Last { get; private set; }

    /// <summary>Entries seen in all.</summary>
    public long Entries { get; private set; }

    /// <summary>Processes seen with their first and last timestamps and entry counts.</summary>
    public IReadOnlyDictionary<string, (LogTimestamp First, LogTimestamp Last, long Entries)> Processes => _byProcess;

    /// <summary>Accounts for one entry.</summary>
    public void Observe(LogEntry entry)
    {
        Entries++;
        if (entry.Timestamp is not { } ts)
        {
            return;
        }

        if (First is null || ts < First.Value)
        {
            First = ts;
        }

        if (Last is null || ts > Last.Value)
        {
            Last = ts;
        }

        if (entry.Process is { } process)
        {
            if (_byProcess.TryGetValue(process, out var window))
            {
                _byProcess[process] = (ts < window.First ? ts : window.First, ts > window.Last ? ts : window.Last, window.Entries + 1);
            }
            else
            {
                _byProcess[process] = (ts, ts, 1);
            }
        }
    }

    /// <summary>True when the log has entries from the process (by name, case-insensitive).</summary>
    public bool HasProcess(string process) =>
        _byProcess.Keys.Any(p => string.Equals(p, process, StringComparison.OrdinalIgnoreCase));
}
