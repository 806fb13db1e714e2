using CallKitDoctor.Logging.Filtering;

namespace CallKitDoctor.Logging.Archives;

/// <summary>Limits for reading packed archives.</summary>
public sealed class ArchiveOptions
{
    /// <summary>Default cap on the bytes spooled to the temporary folder (8 GiB).</summary>
    public const long DefaultMaxSpoolBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>The most bytes written to the temporary folder; members beyond it are skipped with an issue.</summary>
    public long MaxSpoolBytes { get; init; } = DefaultMaxSpoolBytes;

    /// <summary>Where the private temporary folder is created; default: the system temp folder.</summary>
    public string? TempParent { get; init; }

    /// <summary>Passed on to the logarchive reader as <see cref="Unified.UnifiedLogOptions.Filter"/> (a skip hint).</summary>
    public EntryFilter? Filter { get; init; }

    /// <summary>
    /// Called once the chosen logarchive is on disk (with its folder), before any of its entries is read; the filter it
    /// returns replaces <see cref="Filter"/> for the rest of the read (null keeps it). Lets a caller anchor
    /// <c>--last</c> at the log's end (<see cref="Unified.UnifiedLogEnd"/>) without reading a packed archive twice.
    /// </summary>
    public Func<string, EntryFilter?>? ResolveFilter { get; init; }

    /// <summary>Called now and then with the compressed bytes of the archive read so far and its total length (0 when unknown).</summary>
    public Action<long, long>? Progress { get; init; }
}
