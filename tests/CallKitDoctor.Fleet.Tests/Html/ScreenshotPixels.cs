using System.Buffers.Binary;
using System.IO.Compression;

namespace CallKitDoctor.Fleet.Tests.Html;

/// <summary>
/// Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's screenshot writes) far enough to ask whether it
/// shows anything: the share of pixels that are not near-white, and how many colours occur.
/// </summary>
internal sealed class ScreenshotPixels
{
    private readonly byte[] _rgb;

    private ScreenshotPixels(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        _rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    public static ScreenshotPixels Decode(byte[] png)
    {
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = png.AsSpan(at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            if (type.SequenceEqual("IHDR"u8))
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(body);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                channels = body[9] == 6 ? 4 : body[9] == 2 ? 3 : throw new NotSupportedException("PNG colour type " + body[9]);
                if (body[8] != 8 || body[12] != 0)
                {
                    throw new NotSupportedException("PNG bit depth or interlacing");
                }
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                compressed.Write(body);
            }

            at += length + 12;
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var filter = inflater.ReadByte();
            inflater.ReadExactly(current);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? current[i - channels] : 0, up = previous[i], corner = i >= channels ? previous[i - channels] : 0;
                current[i] += (byte)(filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, corner),
                    _ => 0,
                });
            }

            for (var x = 0; x < width; x++)
            {
                current.AsSpan(x * channels, 3).CopyTo(rgb.AsSpan(((y * width) + x) * 3));
            }

            (previous, current) = (current, previous);
        }

        return new ScreenshotPixels(width, height, rgb);
    }

    public double InkShare()
    {
        var ink = 0L;
        for (var i = 0; i < _rgb.Length; i += 3)
        {
            ink += _rgb[i] < 230 || _rgb[i + 1] < 230 || _rgb[i + 2] < 230 ? 1 : 0;
        }

        return (double)ink / (_rgb.Length / 3);
    }

    public int Colours() => Enumerable.Range(0, _rgb.Length / 3).Select(p => (_rgb[p * 3] << 16) | (_rgb[(p * 3) + 1] << 8) | _rgb[(p * 3) + 2]).Distinct().Count();

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
