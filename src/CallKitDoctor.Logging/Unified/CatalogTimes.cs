using System.Buffers;
using System.Buffers.Binary;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified.Binary;
using CallKitDoctor.Logging.Unified.Time;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// The span of time a tracev3 file's events cover as its catalogs record it: each catalog chunk lists, per chunkset
/// that follows it, the continuous time of its first and last event. Only chunk preambles, the header and catalog
/// chunks are read (chunksets are skipped unread); the times are put on the wall clock like the entries.
/// </summary>
internal readonly record struct CatalogTimes(LogTimestamp? First, LogTimestamp? Last)
{
    /// <summary>The catalogued span of <paramref name="file"/>; both ends null when it has no header, no catalogued chunkset, or cannot be read.</summary>
    public static CatalogTimes Read(string file, TimesyncDatabase timesync)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.RandomAccess);
            var errors = new UnifiedErrorLog();
            TraceHeader? header = null;
            ulong? firstTime = null;
            ulong? lastTime = null;
            Span<byte> preamble = stackalloc byte[ChunkTag.PreambleSize];
            var length = stream.Length;
            long position = 0;
            while (length - position >= ChunkTag.PreambleSize)
            {
                stream.Position = position;
                stream.ReadExactly(preamble);
                var tag = BinaryPrimitives.ReadUInt32LittleEndian(preamble);
                var size = BinaryPrimitives.ReadUInt64LittleEndian(preamble[8..]);
                var dataOffset = position + ChunkTag.PreambleSize;
                if (size > (ulong)(length - dataOffset))
                {
                    break;
                }

                if ((tag == ChunkTag.Header || tag == ChunkTag.Catalog) && size <= Tracev3Limits.MaxChunkBytes)
                {
                    var data = ArrayPool<byte>.Shared.Rent((int)size);
                    try
                    {
                        stream.ReadExactly(data, 0, (int)size);
                        var span = data.AsSpan(0, (int)size);
                        if (tag == ChunkTag.Header)
                        {
                            header ??= TraceHeader.Parse(span, file, dataOffset, errors);
                        }
                        else if (Catalog.Parse(span, file, dataOffset, position, errors) is { } catalog)
                        {
                            foreach (var subchunk in catalog.Subchunks)
                            {
                                firstTime = firstTime is { } f && f <= subchunk.Start ? f : subchunk.Start;
                                lastTime = lastTime is { } t && t >= subchunk.End ? t : subchunk.End;
                            }
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(data);
                    }
                }

                position = dataOffset + SpanReader.Align8((long)size);
            }

            if (firstTime is not { } first || lastTime is not { } last)
            {
                return default;
            }

            var clock = new FileClock(header, timesync);
            return new CatalogTimes(clock.ToTimestamp(first), clock.ToTimestamp(last));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return default;
        }
    }
}
