namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// A catalog sub chunk: metadata of one chunkset that follows the catalog (the n-th sub chunk describes the n-th
/// chunkset): its mach-time range, uncompressed size, the process information entries whose chunks it holds (by their
/// index) and the subsystem strings they log with.
/// </summary>
public readonly record struct CatalogSubchunk(
    ulong Start,
    ulong End,
    uint UncompressedSize,
    uint Compression,
    IReadOnlyList<ushort> ProcessIndexes,
    IReadOnlyList<string> Subsystems)
{
    public int ProcessCount => ProcessIndexes.Count;

    public int StringOffsetCount => Subsystems.Count;
}
