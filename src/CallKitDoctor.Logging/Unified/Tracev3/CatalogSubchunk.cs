namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>A catalog sub chunk: metadata of one chunkset that follows the catalog.</summary>
public readonly record struct CatalogSubchunk(ulong Start, ulong End, uint UncompressedSize, uint Compression, int ProcessCount, int StringOffsetCount);
