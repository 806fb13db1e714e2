using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Predicates;

namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// A predicate pushed down to catalog metadata: decides, from what a tracev3 catalog says about a process (its image
/// path, pid and subsystem table) and a chunkset (the processes and subsystem strings it holds), whether any entry
/// there can match, so that a reader skips firehose chunks and whole chunksets unread, and, from an event's raw
/// fields (process, subsystem, level, event type), whether to build its entry at all. Conservative: a term it cannot
/// decide from those fields (message, format string, sender, thread…) keeps the chunk. Decisions are cached per
/// process and per field combination, so the predicate runs a few times per catalog, not per event.
/// </summary>
public sealed class CatalogFilter
{
    private const PredicateKeySet ChunkKeys = PredicateKeySet.ProcessFields | PredicateKeySet.Subsystem | PredicateKeySet.Category;
    private const PredicateKeySet EventKeys = ChunkKeys | PredicateKeySet.MessageType | PredicateKeySet.EventType;

    private readonly LogPredicate _predicate;
    private readonly Func<Guid, string?> _imagePath;
    private readonly Dictionary<CatalogProcess, bool> _processes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(CatalogProcess?, CatalogSubsystem?, LogLevel, LogEventType), bool> _events = [];
    private readonly Dictionary<CatalogProcess, bool> _processesWhateverSubsystem = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, bool> _subsystemsWhateverProcess = new(StringComparer.Ordinal);
    private bool? _noProcess;

    /// <param name="predicate">The predicate to push down.</param>
    /// <param name="imagePath">A process's executable path from its main UUID (null when its uuidtext file is missing), as entries get it.</param>
    public CatalogFilter(LogPredicate predicate, Func<Guid, string?> imagePath)
    {
        _predicate = predicate ?? throw new ArgumentNullException(nameof(predicate));
        _imagePath = imagePath ?? throw new ArgumentNullException(nameof(imagePath));
    }

    /// <summary>Firehose chunks skipped whole are counted by the reader; this counts events rejected by <see cref="MayMatch(in TraceEvent)"/>.</summary>
    public long RejectedEvents { get; private set; }

    /// <summary>
    /// False when no entry logged by <paramref name="process"/> (null: a chunk naming no catalog process) can match,
    /// whatever its subsystem among those the catalog lists for it, level or message.
    /// </summary>
    public bool MayMatch(CatalogProcess? process)
    {
        if (process is null)
        {
            return _noProcess ??= MayMatchAnySubsystem(null);
        }

        if (!_processes.TryGetValue(process, out var may))
        {
            may = MayMatchAnySubsystem(process);
            _processes[process] = may;
        }

        return may;
    }

    /// <summary>
    /// False when no entry of the chunkset <paramref name="subchunk"/> describes can match. Its firehose, statedump and
    /// oversize chunks belong to the processes it lists: each must be rejected by <see cref="MayMatch(CatalogProcess?)"/>.
    /// Its simpledump chunks carry their own subsystem string instead of a catalog subsystem id, so they must be ruled
    /// out too: either every listed process is rejected whatever the subsystem, or every subsystem string the sub chunk
    /// lists is rejected whatever the process. True when the description names a process the catalog does not hold.
    /// </summary>
    public bool MayMatch(Catalog catalog, CatalogSubchunk subchunk)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.ProcessesOf(subchunk) is not { } processes)
        {
            return true;
        }

        var everyProcessRejectedWhateverSubsystem = true;
        foreach (var process in processes)
        {
            if (MayMatch(process))
            {
                return true;
            }

            everyProcessRejectedWhateverSubsystem &= !MayMatchWhateverSubsystem(process);
        }

        if (everyProcessRejectedWhateverSubsystem)
        {
            return false;
        }

        foreach (var name in subchunk.Subsystems)
        {
            if (MayMatchWhateverProcess(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when the entry of the event cannot match whatever its message, sender, format string or thread. Simpledumps
    /// (whose subsystem is their own string) are always kept.
    /// </summary>
    public bool MayMatch(in TraceEvent e)
    {
        if (e.Kind == TraceEventKind.SimpleDump)
        {
            return true;
        }

        var key = (e.Process, e.Subsystem, UnifiedEntryMapping.ToLevel(e), UnifiedEntryMapping.ToEventType(e));
        if (!_events.TryGetValue(key, out var may))
        {
            may = Holds(Probe(key.Process, key.Subsystem?.Subsystem, key.Subsystem?.Category, key.Item3, key.Item4), EventKeys);
            _events[key] = may;
        }

        if (!may)
        {
            RejectedEvents++;
        }

        return may;
    }

    /// <summary>True when the predicate may hold for an entry of the process without a subsystem or with one of its catalog subsystems.</summary>
    private bool MayMatchAnySubsystem(CatalogProcess? process)
    {
        if (Holds(Probe(process, null, null, LogLevel.Unknown, LogEventType.Unknown), ChunkKeys))
        {
            return true;
        }

        foreach (var s in process?.Subsystems ?? [])
        {
            if (Holds(Probe(process, s.Subsystem, s.Category, LogLevel.Unknown, LogEventType.Unknown), ChunkKeys))
            {
                return true;
            }
        }

        return false;
    }

    private bool MayMatchWhateverSubsystem(CatalogProcess process)
    {
        if (!_processesWhateverSubsystem.TryGetValue(process, out var may))
        {
            may = Holds(Probe(process, null, null, LogLevel.Unknown, LogEventType.Unknown), PredicateKeySet.ProcessFields);
            _processesWhateverSubsystem[process] = may;
        }

        return may;
    }

    private bool MayMatchWhateverProcess(string subsystem)
    {
        if (!_subsystemsWhateverProcess.TryGetValue(subsystem, out var may))
        {
            may = Holds(Probe(null, subsystem, null, LogLevel.Unknown, LogEventType.Unknown), PredicateKeySet.Subsystem);
            _subsystemsWhateverProcess[subsystem] = may;
        }

        return may;
    }

    private bool Holds(LogEntry probe, PredicateKeySet known) => _predicate.Decide(probe, known) != FilterDecision.Reject;

    /// <summary>An entry carrying the fields the reader would give an event of the process and subsystem.</summary>
    private LogEntry Probe(CatalogProcess? process, string? subsystem, string? category, LogLevel level, LogEventType eventType) => new()
    {
        ProcessImagePath = process is null ? null : _imagePath(process.MainUuid),
        ProcessId = process is null ? null : (int)process.ProcessId,
        Subsystem = string.IsNullOrEmpty(subsystem) ? null : subsystem,
        Category = string.IsNullOrEmpty(category) ? null : category,
        Level = level,
        EventType = eventType,
    };
}
