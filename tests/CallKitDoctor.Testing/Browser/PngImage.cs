using System.Buffers.Binary;
using System.IO.Compression;

namespace CallKitDoctor.Testing.Browser;

/// <summary>
/// A minimal PNG reader for checking screenshots: the IHDR size and, for 8-bit RGB/RGBA non-interlaced images
/// (what Chromium writes), the pixels after undoing the scanline filters.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    /// <summary>Row-major pixel bytes, <see cref="Channels"/> per pixel.</summary>
    public byte[] Pixels { get; }

    public static PngImage Read(byte[] data)
    {
        if (data.Length < 33 || !data.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var offset = 8;
        while (offset + 12 <= data.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(data, offset + 4, 4);
            var body = data.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(body);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                var depth = body[8];
                var colorType = body[9];
                var interlace = body[12];
                channels = colorType switch { 2 => 3, 6 => 4, _ => 0 };
                if (depth != 8 || channels == 0 || interlace != 0)
                {
                    throw new NotSupportedException($"PNG depth {depth}, colour type {colorType}, interlace {interlace}");
                }
            }
            else if (type == "IDAT")
            {
                idat.Write(body);
            }
            else if (type == "IEND")
            {
                break;
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * channels;
        var pixels = new byte[stride * height];
        var previous = new byte[stride];
        var line = new byte[stride + 1];
        for (var y = 0; y < height; y++)
        {
            inflate.ReadExactly(line);
            var row = pixels.AsSpan(y * stride, stride);
            Unfilter(line[0], line.AsSpan(1), previous, channels, row);
            row.CopyTo(previous);
        }

        return new PngImage(width, height, channels, pixels);
    }

    private static void Unfilter(byte filter, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> up, int bpp, Span<byte> row)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0;
            int b = up[i];
            int c = i >= bpp ? up[i - bpp] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => Paeth(a, b, c),
                _ => throw new InvalidDataException("bad PNG filter " + filter),
            };
            row[i] = (byte)(raw[i] + predictor);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>How many distinct RGB colours the image uses (capped at <paramref name="cap"/>).</summary>
    public int DistinctColours(int cap = 4096)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i + 2 < Pixels.Length && seen.Count < cap; i += Channels)
        {
            seen.Add((Pixels[i] << 16) | (Pixels[i + 1] << 8) | Pixels[i + 2]);
        }

        return seen.Count;
    }

    /// <summary>The share of pixels that are not near-white.</summary>
    public double InkShare()
    {
        long ink = 0, total = 0;
        for (var i = 0; i + 2 < Pixels.Length; i += Channels)
        {
            total++;
            if (Pixels[i] < 235 || Pixels[i + 1] < 235 || Pixels[i + 2] < 235)
            {
                ink++;
            }
        }

        return total == 0 ? 0 : (double)ink / total;
    }
}
