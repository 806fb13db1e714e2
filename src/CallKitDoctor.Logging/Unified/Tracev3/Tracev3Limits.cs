namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// Sanity limits that keep hostile files from making the reader allocate without bound. Real files stay far below:
/// chunksets decompress to at most a few hundred KiB and catalogs are a few KiB.
/// </summary>
public static class Tracev3Limits
{
    /// <summary>Largest top-level chunk read into memory (a larger one is skipped with an error).</summary>
    public const int MaxChunkBytes = 64 << 20;

    /// <summary>Largest decompressed chunkset (all of its blocks together).</summary>
    public const int MaxChunksetBytes = 16 << 20;

    /// <summary>LZ4 cannot expand data by more than ~255 times; a block claiming more is corrupt.</summary>
    public const int MaxLz4Ratio = 255;

    /// <summary>Most oversize data kept in memory for joining to later entries.</summary>
    public const long MaxOversizeBytes = 32 << 20;
}
