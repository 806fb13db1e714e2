namespace CallKitDoctor.Scenarios.Bench;

/// <summary>What <see cref="BenchArchiveWriter"/> wrote: tracev3 files, their total bytes and entry count.</summary>
public sealed record BenchArchiveSummary(int TraceFiles, long TraceBytes, long Entries);
