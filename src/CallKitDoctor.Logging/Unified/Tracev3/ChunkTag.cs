namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>The chunk tags of a tracev3 file (the first 4 bytes of every 16-byte chunk preamble).</summary>
public static class ChunkTag
{
    public const uint Header = 0x1000;
    public const uint Firehose = 0x6001;
    public const uint Oversize = 0x6002;
    public const uint StateDump = 0x6003;
    public const uint SimpleDump = 0x6004;
    public const uint Catalog = 0x600B;
    public const uint Chunkset = 0x600D;

    /// <summary>Size of a chunk preamble (tag, sub tag, 64-bit data size).</summary>
    public const int PreambleSize = 16;

    /// <summary>True for the tags that appear inside a decompressed chunkset.</summary>
    public static bool IsChunksetContent(uint tag) => tag is Firehose or Oversize or StateDump or SimpleDump;
}
