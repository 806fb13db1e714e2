using System.Buffers.Binary;
using System.Text;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>Builds little-endian byte images of unified-log files for tests.</summary>
internal sealed class ByteImage
{
    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public ByteImage U8(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    public ByteImage U16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        _bytes.AddRange(b.ToArray());
        return this;
    }

    public ByteImage U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        _bytes.AddRange(b.ToArray());
        return this;
    }

    public ByteImage I32(int value) => U32((uint)value);

    public ByteImage U64(ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        _bytes.AddRange(b.ToArray());
        return this;
    }

    public ByteImage I64(long value) => U64((ulong)value);

    public ByteImage Uuid(Guid value)
    {
        _bytes.AddRange(value.ToByteArray(bigEndian: true));
        return this;
    }

    public ByteImage Bytes(ReadOnlySpan<byte> value)
    {
        _bytes.AddRange(value.ToArray());
        return this;
    }

    /// <summary>A NUL-terminated UTF-8 string.</summary>
    public ByteImage CString(string value)
    {
        _bytes.AddRange(Encoding.UTF8.GetBytes(value));
        _bytes.Add(0);
        return this;
    }

    /// <summary>A fixed-size NUL-padded UTF-8 field.</summary>
    public ByteImage Fixed(string value, int size)
    {
        var text = Encoding.UTF8.GetBytes(value);
        for (var i = 0; i < size; i++)
        {
            _bytes.Add(i < text.Length ? text[i] : (byte)0);
        }

        return this;
    }

    public ByteImage Zeros(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _bytes.Add(0);
        }

        return this;
    }

    /// <summary>Pads with zeros to a multiple of 8 counted from <paramref name="origin"/>.</summary>
    public ByteImage Align8(int origin = 0)
    {
        while ((_bytes.Count - origin) % 8 != 0)
        {
            _bytes.Add(0);
        }

        return this;
    }

    public ByteImage Append(ByteImage other) => Bytes(other.ToArray());

    public byte[] ToArray() => [.. _bytes];
}
