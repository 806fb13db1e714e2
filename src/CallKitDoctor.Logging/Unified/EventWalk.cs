using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Unified.Time;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// Steps a tracev3 reader over the events of one file that pass the filter's level and time checks and the predicate's
/// push-down (<see cref="CatalogFilter"/>), with each event's timestamp: the walk shared by the entry path and the
/// direct writing path of <see cref="UnifiedLogSource"/>.
/// </summary>
internal sealed class EventWalk
{
    private readonly Tracev3Reader _reader;
    private readonly TimesyncDatabase _timesync;
    private readonly EntryFilter? _filter;
    private readonly CatalogFilter? _catalogFilter;
    private FileClock _time;

    public EventWalk(Tracev3Reader reader, TimesyncDatabase timesync, EntryFilter? filter, Func<Guid, string?> processImagePath)
    {
        _reader = reader;
        _timesync = timesync;
        _filter = filter;
        _time = new FileClock(reader.PeekHeader(), timesync);
        if (filter?.Range.End is { } end)
        {
            // Every tracepoint of a firehose chunk is at or after the chunk's base time.
            reader.FirehoseFilter = baseTime => _time.ToTimestamp(baseTime) is not { Instant: { } first } || first <= end;
        }

        // The predicate pushed down to the catalogs: chunksets and firehose chunks of processes (and subsystems) it
        // rules out are skipped unread, and events it rules out on their raw fields never become entries.
        _catalogFilter = filter?.Predicate is { } pushed ? new CatalogFilter(pushed, processImagePath) : null;
        if (_catalogFilter is not null)
        {
            reader.ProcessFilter = _catalogFilter.MayMatch;
            reader.ChunksetFilter = _catalogFilter.MayMatch;
        }
    }

    /// <summary>The header of the file (as of the current event; null when the file has none yet).</summary>
    public TraceHeader? Header => _time.Header;

    /// <summary>The current event's timestamp.</summary>
    public LogTimestamp? Timestamp { get; private set; }

    /// <summary>Moves to the next event that passes the checks; false at the end of the file.</summary>
    public bool MoveNext(CancellationToken cancellationToken)
    {
        var reader = _reader;
        var filter = _filter;
        while (reader.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var header = reader.Header;
            if (!ReferenceEquals(header, _time.Header))
            {
                // A file without a leading header chunk: the header came later.
                _time = new FileClock(header, _timesync);
            }

            ref readonly var e = ref reader.Current;
            if (filter is not null && !filter.AcceptsLevel(UnifiedEntryMapping.ToLevel(e), UnifiedEntryMapping.ToEventType(e)))
            {
                continue;
            }

            if (_catalogFilter is not null && !_catalogFilter.MayMatch(e))
            {
                continue;
            }

            var timestamp = _time.ToTimestamp(e.MachTime);
            if (filter is not null && !filter.AcceptsTime(timestamp))
            {
                continue;
            }

            Timestamp = timestamp;
            return true;
        }

        return false;
    }
}
