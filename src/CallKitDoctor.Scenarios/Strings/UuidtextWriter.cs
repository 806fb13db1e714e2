using System.Text;
using CallKitDoctor.Scenarios.Binary;

namespace CallKitDoctor.Scenarios.Strings;

/// <summary>
/// Writes the uuidtext file of one image: header (signature 0x66778899, version 2.1, entry count), one entry
/// descriptor (range start, size) per string range, the ranges' NUL-terminated strings, then the image path.
/// Format strings are laid out in one range starting at <see cref="RangeStart"/>, the image offset a tracepoint's
/// format-string reference names.
/// </summary>
public sealed class UuidtextWriter
{
    private readonly List<string> _strings = [];
    private readonly Dictionary<string, uint> _offsets = new(StringComparer.Ordinal);
    private uint _size;

    /// <param name="uuid">The image UUID (names the file).</param>
    /// <param name="imagePath">The image's path, stored after the strings.</param>
    /// <param name="rangeStart">Image offset of the first string (where <c>__oslogstring</c> would start).</param>
    public UuidtextWriter(Guid uuid, string imagePath, uint rangeStart = 0x8000)
    {
        Uuid = uuid;
        ImagePath = imagePath;
        RangeStart = rangeStart;
    }

    public Guid Uuid { get; }

    public string ImagePath { get; }

    public uint RangeStart { get; }

    /// <summary>Adds a format string (once) and returns its image offset.</summary>
    public uint Add(string format)
    {
        if (!_offsets.TryGetValue(format, out var offset))
        {
            offset = RangeStart + _size;
            _offsets[format] = offset;
            _strings.Add(format);
            _size += (uint)Encoding.UTF8.GetByteCount(format) + 1;
        }

        return offset;
    }

    /// <summary>The file's name relative to the uuidtext folder: <c>XX/REST</c> of the upper-case UUID.</summary>
    public string RelativePath
    {
        get
        {
            var name = Uuid.ToString("N").ToUpperInvariant();
            return Path.Combine(name[..2], name[2..]);
        }
    }

    public byte[] ToArray()
    {
        var w = new ByteWriter(64 + (int)_size + ImagePath.Length);
        w.U32(0x66778899).U32(2).U32(1).U32(_strings.Count == 0 ? 0u : 1u);
        if (_strings.Count > 0)
        {
            w.U32(RangeStart).U32(_size);
            foreach (var s in _strings)
            {
                w.CString(s);
            }
        }

        return w.CString(ImagePath).ToArray();
    }
}
