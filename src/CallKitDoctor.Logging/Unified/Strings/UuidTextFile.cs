using System.Text;
using CallKitDoctor.Logging.Unified.Binary;

namespace CallKitDoctor.Logging.Unified.Strings;

/// <summary>
/// A uuidtext file (signature 0x66778899): the format strings of one image (an executable or library) and its path.
/// Layout: 16-byte header, entry descriptors (range start, size), the string data of every entry, then the image path.
/// </summary>
public sealed class UuidTextFile
{
    /// <summary>File signature.</summary>
    public const uint Signature = 0x66778899;

    /// <summary>Most entries a file may declare (real files have a handful; more is hostile).</summary>
    public const uint MaxEntries = 1 << 20;

    private readonly byte[] _data;
    private readonly UuidTextRange[] _ranges;

    private UuidTextFile(byte[] data, uint major, uint minor, UuidTextRange[] ranges, int footerOffset, string imagePath)
    {
        _data = data;
        MajorVersion = major;
        MinorVersion = minor;
        _ranges = ranges;
        FooterOffset = footerOffset;
        ImagePath = imagePath;
    }

    public uint MajorVersion { get; }

    public uint MinorVersion { get; }

    /// <summary>The entry descriptors, in file order.</summary>
    public IReadOnlyList<UuidTextRange> Ranges => _ranges;

    /// <summary>Offset of the data after the descriptors (string data, then the image path).</summary>
    public int FooterOffset { get; }

    /// <summary>The bytes after the descriptors (string data and image path).</summary>
    public ReadOnlySpan<byte> FooterData => _data.AsSpan(FooterOffset);

    /// <summary>The image path stored after the string data (empty when missing).</summary>
    public string ImagePath { get; }

    /// <summary>Parses a uuidtext file; returns null (with an error) when its header is unusable.</summary>
    public static UuidTextFile? Parse(byte[] data, string file, UnifiedErrorLog errors)
    {
        var reader = new SpanReader(data);
        if (!reader.TryReadUInt32(out var signature) || !reader.TryReadUInt32(out var major) ||
            !reader.TryReadUInt32(out var minor) || !reader.TryReadUInt32(out var count))
        {
            errors.Add(UnifiedErrorKind.Truncated, file, 0, "uuidtext header is cut short");
            return null;
        }

        if (signature != Signature)
        {
            errors.Add(UnifiedErrorKind.BadSignature, file, 0, $"uuidtext signature 0x{signature:x8}");
            return null;
        }

        if (count > MaxEntries || (long)count * 8 > reader.Remaining)
        {
            errors.Add(UnifiedErrorKind.OutOfBounds, file, 12, $"{count} entries do not fit in the file");
            return null;
        }

        var ranges = new List<UuidTextRange>((int)count);
        var footer = 16 + ((int)count * 8);
        long dataOffset = footer;
        for (var i = 0; i < count; i++)
        {
            var at = reader.Position;
            reader.TryReadUInt32(out var start);
            reader.TryReadUInt32(out var size);
            if (dataOffset + size > data.Length)
            {
                errors.Add(UnifiedErrorKind.OutOfBounds, file, at, $"entry {i} ({size} bytes at {dataOffset}) runs past the end");
                dataOffset = data.Length;
                continue;
            }

            ranges.Add(new UuidTextRange(start, size, (int)dataOffset));
            dataOffset += size;
        }

        var path = Encoding.UTF8.GetString(SpanReader.CStringAt(data, (int)Math.Min(dataOffset, data.Length)));
        return new UuidTextFile(data, major, minor, [.. ranges], footer, path);
    }

    /// <summary>
    /// The NUL-terminated format string at string offset <paramref name="offset"/>, or false when no entry holds it.
    /// </summary>
    public bool TryGetString(uint offset, out ReadOnlySpan<byte> utf8)
    {
        foreach (var range in _ranges)
        {
            if (offset >= range.RangeStart && offset - range.RangeStart < range.Size)
            {
                var entry = _data.AsSpan(range.DataOffset, (int)range.Size);
                utf8 = SpanReader.CStringAt(entry, (int)(offset - range.RangeStart));
                return true;
            }
        }

        utf8 = default;
        return false;
    }
}
