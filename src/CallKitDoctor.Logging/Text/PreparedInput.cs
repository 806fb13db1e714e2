using System.IO.Compression;
using System.Text;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// An input stream made ready for the text readers: gzip is decompressed, UTF-16 is transcoded to UTF-8, and the first
/// bytes are kept for format detection (and replayed). Binary inputs (tracev3, tar) are recognised and not read.
/// </summary>
internal sealed class PreparedInput
{
    /// <summary>Bytes kept for detection.</summary>
    public const int PrefixBytes = 64 * 1024;

    private PreparedInput(Stream stream, byte[] prefix, int prefixLength, string? binaryKind)
    {
        Stream = stream;
        Prefix = prefix;
        PrefixLength = prefixLength;
        BinaryKind = binaryKind;
    }

    /// <summary>The UTF-8 text stream, from its first byte.</summary>
    public Stream Stream { get; }

    /// <summary>The first bytes of <see cref="Stream"/>.</summary>
    public byte[] Prefix { get; }

    /// <summary>How many bytes of <see cref="Prefix"/> are valid.</summary>
    public int PrefixLength { get; }

    /// <summary>What binary input this is (null for text).</summary>
    public string? BinaryKind { get; }

    /// <summary>Prepares a raw stream (takes ownership of it).</summary>
    public static PreparedInput Prepare(Stream raw)
    {
        var stream = raw;
        var (prefix, length) = ReadPrefix(stream);
        if (length >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B)
        {
            stream = new GZipStream(new ReplayStream(prefix, length, stream), CompressionMode.Decompress);
            (prefix, length) = ReadPrefix(stream);
        }

        var span = prefix.AsSpan(0, length);
        Encoding? wide = null;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || LooksLikeUtf16(span, littleEndian: true))
        {
            wide = Encoding.Unicode;
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || LooksLikeUtf16(span, littleEndian: false))
        {
            wide = Encoding.BigEndianUnicode;
        }

        if (wide is not null)
        {
            stream = Encoding.CreateTranscodingStream(new ReplayStream(prefix, length, stream), wide, Encoding.UTF8);
            (prefix, length) = ReadPrefix(stream);
            span = prefix.AsSpan(0, length);
        }

        string? binary = null;
        if (span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x10, 0x00, 0x00]))
        {
            binary = "a tracev3 file";
        }
        else if (span.Length > 262 && span.Slice(257, 5).SequenceEqual("ustar"u8))
        {
            binary = "a tar archive (sysdiagnose?)";
        }

        return new PreparedInput(new ReplayStream(prefix, length, stream), prefix, length, binary);
    }

    private static (byte[] Prefix, int Length) ReadPrefix(Stream stream)
    {
        var prefix = new byte[PrefixBytes];
        try
        {
            return (prefix, stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return (prefix, 0);
        }
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, bool littleEndian)
    {
        if (bytes.Length < 16)
        {
            return false;
        }

        int zeros = 0, pairs = 0;
        for (var i = littleEndian ? 1 : 0; i < Math.Min(bytes.Length, 4096); i += 2)
        {
            pairs++;
            if (bytes[i] == 0)
            {
                zeros++;
            }
        }

        return zeros * 10 >= pairs * 9;
    }
}
