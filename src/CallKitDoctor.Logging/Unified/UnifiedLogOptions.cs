using CallKitDoctor.Logging.Filtering;

namespace CallKitDoctor.Logging.Unified;

/// <summary>Where a <see cref="UnifiedLogSource"/> finds the files beside the tracev3 files.</summary>
public sealed class UnifiedLogOptions
{
    /// <summary>The uuidtext folder (with <c>XX/</c> sub folders and <c>dsc/</c>); default: found under the input folder.</summary>
    public string? StringsDirectory { get; init; }

    /// <summary>The timesync folder; default: <c>timesync/</c> under the input folder.</summary>
    public string? TimesyncDirectory { get; init; }

    /// <summary>
    /// When true, the entries of several tracev3 files are merged by time (each file's own order kept); when false
    /// (the default), files are read one after the other in path order.
    /// </summary>
    public bool TimeOrder { get; init; }

    /// <summary>
    /// Maps a tracev3 file's path to the name entries cite as their location (an archive reader maps its private temp
    /// folder back to <c>archive.tar.gz/member/path</c>); default: the path itself. Called once per file.
    /// </summary>
    public Func<string, string>? DisplayPath { get; init; }

    /// <summary>
    /// Entries the caller will discard anyway: the reader may skip them early (whole files or chunks outside the time
    /// range, entries rejected by <see cref="EntryFilter.PreCheck"/>) before building or formatting them. A hint, not a
    /// guarantee: callers still apply <see cref="EntryFilter.Matches"/> to what comes out. Default: none.
    /// </summary>
    public EntryFilter? Filter { get; init; }

    /// <summary>
    /// When true (the default) and the machine has more than one core, files are read and messages formatted on a
    /// worker thread a few hundred entries ahead of the caller (bounded: at most a few thousand entries in flight), so
    /// reading overlaps with what the caller does with the entries. Messages are then built before the caller sees an
    /// entry; set false to read on the caller's thread and format each message only when first used.
    /// </summary>
    public bool ReadAhead { get; init; } = true;
}
