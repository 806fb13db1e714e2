namespace CallKitDoctor.Benchmarks.Sysdiagnose;

/// <summary>
/// One log store of the benchmark logarchive: its folder (empty for the live-data file at the root), how many tracev3
/// files, the compressed bytes aimed at per file, the time before the capture its window starts, and the log types
/// (os_log type bytes) its entries have.
/// </summary>
internal sealed record StorePlan(string Folder, int Files, long BytesPerFile, TimeSpan Window, byte[] LogTypes);
