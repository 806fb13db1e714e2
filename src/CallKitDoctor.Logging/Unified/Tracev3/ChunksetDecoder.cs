using System.Buffers.Binary;
using K4os.Compression.LZ4;

namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// Decodes the data of a chunkset chunk (tag 0x600D): a series of blocks, each "bv41" (LZ4 block: uncompressed size,
/// compressed size, data) or "bv4-" (uncompressed size, data), ended by "bv4$". Output sizes are checked against
/// <see cref="Tracev3Limits"/> before anything is allocated.
/// </summary>
public static class ChunksetDecoder
{
    public const uint CompressedMarker = 0x31347662;   // "bv41"
    public const uint UncompressedMarker = 0x2D347662; // "bv4-"
    public const uint EndMarker = 0x24347662;          // "bv4$"

    /// <summary>
    /// Decodes <paramref name="data"/> into <paramref name="buffer"/> (grown as needed, never past the limit) and returns
    /// the number of bytes produced; stops at the first bad block with an error (what came before is kept).
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> data, ref byte[] buffer, string file, long dataOffset, UnifiedErrorLog errors)
    {
        var position = 0;
        var produced = 0;
        while (data.Length - position >= 4)
        {
            var marker = BinaryPrimitives.ReadUInt32LittleEndian(data[position..]);
            if (marker == EndMarker)
            {
                position += 4;
                continue;
            }

            if (marker == CompressedMarker)
            {
                if (data.Length - position < 12)
                {
                    errors.Add(UnifiedErrorKind.Truncated, file, dataOffset + position, "bv41 block header is cut short");
                    break;
                }

                var uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
                var compressed = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 8)..]);
                if (compressed > (uint)(data.Length - position - 12))
                {
                    errors.Add(UnifiedErrorKind.OutOfBounds, file, dataOffset + position, $"bv41 block claims {compressed} compressed bytes, {data.Length - position - 12} remain");
                    break;
                }

                if (!FitsLimit(uncompressed, produced) || uncompressed > ((ulong)compressed * Tracev3Limits.MaxLz4Ratio) + 64)
                {
                    errors.Add(UnifiedErrorKind.OutOfBounds, file, dataOffset + position, $"bv41 block claims {uncompressed} uncompressed bytes from {compressed}");
                    break;
                }

                Reserve(ref buffer, produced + (int)uncompressed);
                var decoded = LZ4Codec.Decode(data.Slice(position + 12, (int)compressed), buffer.AsSpan(produced, (int)uncompressed));
                if (decoded != uncompressed)
                {
                    errors.Add(UnifiedErrorKind.Decompression, file, dataOffset + position, $"bv41 block decoded to {decoded} bytes, expected {uncompressed}");
                    break;
                }

                produced += decoded;
                position += 12 + (int)compressed;
            }
            else if (marker == UncompressedMarker)
            {
                if (data.Length - position < 8)
                {
                    errors.Add(UnifiedErrorKind.Truncated, file, dataOffset + position, "bv4- block header is cut short");
                    break;
                }

                var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
                if (size > (uint)(data.Length - position - 8) || !FitsLimit(size, produced))
                {
                    errors.Add(UnifiedErrorKind.OutOfBounds, file, dataOffset + position, $"bv4- block claims {size} bytes, {data.Length - position - 8} remain");
                    break;
                }

                Reserve(ref buffer, produced + (int)size);
                data.Slice(position + 8, (int)size).CopyTo(buffer.AsSpan(produced));
                produced += (int)size;
                position += 8 + (int)size;
            }
            else
            {
                errors.Add(UnifiedErrorKind.BadSignature, file, dataOffset + position, $"unknown chunkset block marker 0x{marker:x8}");
                break;
            }
        }

        return produced;
    }

    private static bool FitsLimit(uint size, int produced) => (ulong)size + (ulong)produced <= Tracev3Limits.MaxChunksetBytes;

    private static void Reserve(ref byte[] buffer, int needed)
    {
        if (buffer.Length < needed)
        {
            // Grown to what is needed (rounded to 16 KiB), not doubled: readers kept open side by side each hold one.
            var grown = new byte[Math.Min((needed + 0x3FFF) & ~0x3FFF, Math.Max(needed, Tracev3Limits.MaxChunksetBytes))];
            buffer.AsSpan().CopyTo(grown);
            buffer = grown;
        }
    }
}
