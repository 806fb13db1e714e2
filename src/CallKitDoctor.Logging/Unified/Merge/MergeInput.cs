using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Unified.Merge;

/// <summary>
/// One file's entries for a time-ordered merge, in the file's own order, and how to make the file cheap to keep open
/// between reads (<paramref name="Park"/>: give back buffers; the next read takes them again). Null: nothing to park.
/// </summary>
internal readonly record struct MergeInput(IEnumerable<LogEntry> Entries, Action? Park);
