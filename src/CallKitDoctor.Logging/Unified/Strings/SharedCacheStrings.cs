using System.Text;
using CallKitDoctor.Logging.Unified.Binary;

namespace CallKitDoctor.Logging.Unified.Strings;

/// <summary>
/// A shared-cache strings (dsc) file, versions 1 and 2: signature "hcsd", range descriptors (format strings by
/// shared-cache offset) and UUID descriptors (images and paths). Descriptors pointing outside the file are dropped
/// with an error naming the descriptor's byte offset.
/// </summary>
public sealed class SharedCacheStrings
{
    /// <summary>"hcsd" read little-endian.</summary>
    public const uint Signature = 0x64736368;

    private readonly byte[] _data;
    private readonly SharedCacheRange[] _ranges;
    private readonly SharedCacheImage[] _images;
    private readonly SharedCacheRange[] _sortedRanges;

    private SharedCacheStrings(byte[] data, ushort major, ushort minor, SharedCacheRange[] ranges, SharedCacheImage[] images)
    {
        _data = data;
        MajorVersion = major;
        MinorVersion = minor;
        _ranges = ranges;
        _images = images;

        // Lookups binary-search by range offset.
        _sortedRanges = [.. ranges.OrderBy(static r => r.RangeOffset)];
    }

    public ushort MajorVersion { get; }

    public ushort MinorVersion { get; }

    /// <summary>The valid range descriptors, in file order.</summary>
    public IReadOnlyList<SharedCacheRange> Ranges => _ranges;

    /// <summary>The valid UUID descriptors, in file order.</summary>
    public IReadOnlyList<SharedCacheImage> Images => _images;

    /// <summary>Parses a dsc file; returns null (with an error) when the header is unusable.</summary>
    public static SharedCacheStrings? Parse(byte[] data, string file, UnifiedErrorLog errors)
    {
        var reader = new SpanReader(data);
        if (!reader.TryReadUInt32(out var signature) || !reader.TryReadUInt16(out var major) ||
            !reader.TryReadUInt16(out var minor) || !reader.TryReadUInt32(out var rangeCount) ||
            !reader.TryReadUInt32(out var imageCount))
        {
            errors.Add(UnifiedErrorKind.Truncated, file, 0, "dsc header is cut short");
            return null;
        }

        if (signature != Signature)
        {
            errors.Add(UnifiedErrorKind.BadSignature, file, 0, $"dsc signature 0x{signature:x8}");
            return null;
        }

        if (major is not (1 or 2))
        {
            errors.Add(UnifiedErrorKind.Unsupported, file, 4, $"dsc version {major}.{minor}");
            return null;
        }

        var rangeSize = major == 1 ? 16 : 24;
        var imageSize = major == 1 ? 28 : 32;
        if ((long)rangeCount * rangeSize > reader.Remaining)
        {
            errors.Add(UnifiedErrorKind.OutOfBounds, file, 8, $"{rangeCount} range descriptors do not fit in the file");
            return null;
        }

        var ranges = new List<SharedCacheRange>((int)Math.Min(rangeCount, 1 << 16));
        for (var i = 0; i < rangeCount; i++)
        {
            var at = reader.Position;
            ulong rangeOffset, imageIndex;
            uint dataOffset, size;
            if (major == 1)
            {
                reader.TryReadUInt32(out var index);
                reader.TryReadUInt32(out var offset32);
                reader.TryReadUInt32(out dataOffset);
                reader.TryReadUInt32(out size);
                rangeOffset = offset32;
                imageIndex = index;
            }
            else
            {
                reader.TryReadUInt64(out rangeOffset);
                reader.TryReadUInt32(out dataOffset);
                reader.TryReadUInt32(out size);
                reader.TryReadUInt64(out imageIndex);
            }

            if ((ulong)dataOffset + size > (ulong)data.Length)
            {
                errors.Add(UnifiedErrorKind.OutOfBounds, file, at,
                    $"range {i}: {size} bytes at offset {dataOffset} run past the end of the {data.Length}-byte file");
                continue;
            }

            ranges.Add(new SharedCacheRange(rangeOffset, dataOffset, size, imageIndex));
        }

        if ((long)imageCount * imageSize > reader.Remaining)
        {
            errors.Add(UnifiedErrorKind.OutOfBounds, file, 12, $"{imageCount} UUID descriptors do not fit in the file");
            return new SharedCacheStrings(data, major, minor, [.. ranges], []);
        }

        var images = new List<SharedCacheImage>((int)Math.Min(imageCount, 1 << 16));
        for (var i = 0; i < imageCount; i++)
        {
            var at = reader.Position;
            ulong textOffset;
            if (major == 1)
            {
                reader.TryReadUInt32(out var offset32);
                textOffset = offset32;
            }
            else
            {
                reader.TryReadUInt64(out textOffset);
            }

            reader.TryReadUInt32(out var textSize);
            reader.TryReadUuid(out var uuid);
            reader.TryReadUInt32(out var pathOffset);
            if (pathOffset >= data.Length)
            {
                errors.Add(UnifiedErrorKind.OutOfBounds, file, at, $"image {i}: path offset {pathOffset} is past the end");
                images.Add(new SharedCacheImage(textOffset, textSize, uuid, pathOffset, string.Empty));
                continue;
            }

            var path = Encoding.UTF8.GetString(SpanReader.CStringAt(data, (int)pathOffset));
            images.Add(new SharedCacheImage(textOffset, textSize, uuid, pathOffset, path));
        }

        return new SharedCacheStrings(data, major, minor, [.. ranges], [.. images]);
    }

    /// <summary>The format string at shared-cache offset <paramref name="offset"/>, or false when no range holds it.</summary>
    public bool TryGetString(ulong offset, out ReadOnlySpan<byte> utf8, out SharedCacheRange range)
    {
        var ranges = _sortedRanges;
        int lo = 0, hi = ranges.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (ranges[mid].RangeOffset <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found >= 0 && offset - ranges[found].RangeOffset < ranges[found].Size)
        {
            range = ranges[found];
            var entry = _data.AsSpan((int)range.DataOffset, (int)range.Size);
            utf8 = SpanReader.CStringAt(entry, (int)(offset - range.RangeOffset));
            return true;
        }

        utf8 = default;
        range = default;
        return false;
    }

    /// <summary>The image whose text holds shared-cache offset <paramref name="offset"/>.</summary>
    public bool TryGetImage(ulong offset, out SharedCacheImage image)
    {
        foreach (var candidate in _images)
        {
            if (offset >= candidate.TextOffset && offset - candidate.TextOffset < candidate.TextSize)
            {
                image = candidate;
                return true;
            }
        }

        image = default;
        return false;
    }
}
