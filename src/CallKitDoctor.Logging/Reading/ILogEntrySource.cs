using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// A stream of log entries from one input. Enumerate <see cref="ReadEntries"/> once; entries come in input order and
/// are never all held in memory by the source. <see cref="Summary"/> and <see cref="Context"/> are complete once the
/// enumeration has finished.
/// </summary>
public interface ILogEntrySource
{
    /// <summary>The input's display name.</summary>
    string Name { get; }

    /// <summary>Counts, unparsed lines and reading problems (filled while reading).</summary>
    LogReadSummary Summary { get; }

    /// <summary>Device and capture facts found while reading.</summary>
    CaptureContext Context { get; }

    /// <summary>Reads the entries in input order.</summary>
    IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default);
}
