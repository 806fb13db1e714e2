using System.Text;
using CallKitDoctor.Scenarios.Binary;

namespace CallKitDoctor.Scenarios.Strings;

/// <summary>
/// Writes a version 2 shared-cache strings (dsc) file: header ("hcsd", 2.0, range count, UUID count), range
/// descriptors (24 bytes: shared-cache offset, data offset, size, UUID index), UUID descriptors (32 bytes: text
/// offset, text size, UUID, path offset), then the image paths and the range strings. Each image gets one range of
/// its format strings; offsets stay below 2^31 so tracepoints need no large-offset field.
/// </summary>
public sealed class DscWriter
{
    private const uint ImageTextSize = 0x0010_0000;
    private readonly List<DscImage> _images = [];

    public DscWriter(Guid uuid) => Uuid = uuid;

    public Guid Uuid { get; }

    public IReadOnlyList<DscImage> Images => _images;

    /// <summary>The file's name relative to the uuidtext folder: <c>dsc/UUID</c>.</summary>
    public string RelativePath => Path.Combine("dsc", Uuid.ToString("N").ToUpperInvariant());

    /// <summary>Adds an image (or returns the one already added with this UUID).</summary>
    public DscImage AddImage(Guid uuid, string path)
    {
        foreach (var existing in _images)
        {
            if (existing.Uuid == uuid)
            {
                return existing;
            }
        }

        var image = new DscImage(_images.Count, uuid, path, 0x0100_0000 + ((ulong)_images.Count * ImageTextSize), ImageTextSize);
        _images.Add(image);
        return image;
    }

    /// <summary>Adds a format string of <paramref name="image"/> (once) and returns its shared-cache offset.</summary>
    public ulong Add(DscImage image, string format)
    {
        if (!image.Offsets.TryGetValue(format, out var offset))
        {
            offset = image.RangeOffset + image.StringBytes;
            var size = (uint)Encoding.UTF8.GetByteCount(format) + 1;
            if (image.StringBytes + size > image.TextSize / 2)
            {
                throw new InvalidOperationException($"the strings of {image.Path} outgrow its text range");
            }

            image.Offsets[format] = offset;
            image.Strings.Add(format);
            image.StringBytes += size;
        }

        return offset;
    }

    public byte[] ToArray()
    {
        var withStrings = _images.Where(static i => i.Strings.Count > 0).ToList();
        const int headerSize = 16;
        var descriptors = headerSize + (withStrings.Count * 24) + (_images.Count * 32);

        // Paths first, then the strings of each range.
        var pathOffsets = new uint[_images.Count];
        var position = (uint)descriptors;
        for (var i = 0; i < _images.Count; i++)
        {
            pathOffsets[i] = position;
            position += (uint)Encoding.UTF8.GetByteCount(_images[i].Path) + 1;
        }

        var dataOffsets = new uint[withStrings.Count];
        for (var i = 0; i < withStrings.Count; i++)
        {
            dataOffsets[i] = position;
            position += withStrings[i].StringBytes;
        }

        var w = new ByteWriter((int)position);
        w.U32(0x64736368).U16(2).U16(0).U32((uint)withStrings.Count).U32((uint)_images.Count);
        for (var i = 0; i < withStrings.Count; i++)
        {
            var image = withStrings[i];
            w.U64(image.RangeOffset).U32(dataOffsets[i]).U32(image.StringBytes).U64((ulong)image.Index);
        }

        for (var i = 0; i < _images.Count; i++)
        {
            var image = _images[i];
            w.U64(image.TextOffset).U32(image.TextSize).Uuid(image.Uuid).U32(pathOffsets[i]);
        }

        foreach (var image in _images)
        {
            w.CString(image.Path);
        }

        foreach (var image in withStrings)
        {
            foreach (var s in image.Strings)
            {
                w.CString(s);
            }
        }

        return w.ToArray();
    }
}
