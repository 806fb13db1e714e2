using System.Buffers.Binary;
using System.Text;

namespace CallKitDoctor.Scenarios.Binary;

/// <summary>A growable little-endian byte buffer (the mirror of the reader's <c>SpanReader</c>).</summary>
public sealed class ByteWriter
{
    private byte[] _buffer;

    public ByteWriter(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public byte[] ToArray() => Written.ToArray();

    public ByteWriter U8(byte value)
    {
        Take(1)[0] = value;
        return this;
    }

    public ByteWriter U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);
        return this;
    }

    public ByteWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);
        return this;
    }

    public ByteWriter I32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);
        return this;
    }

    public ByteWriter U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);
        return this;
    }

    public ByteWriter I64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);
        return this;
    }

    /// <summary>A UUID in the byte order Apple stores it (big-endian, as printed).</summary>
    public ByteWriter Uuid(Guid value)
    {
        value.TryWriteBytes(Take(16), bigEndian: true, out _);
        return this;
    }

    public ByteWriter Bytes(ReadOnlySpan<byte> data)
    {
        data.CopyTo(Take(data.Length));
        return this;
    }

    public ByteWriter Zeros(int count)
    {
        Take(count).Clear();
        return this;
    }

    /// <summary>UTF-8 text and a NUL.</summary>
    public ByteWriter CString(string text)
    {
        var size = Encoding.UTF8.GetByteCount(text);
        Encoding.UTF8.GetBytes(text, Take(size));
        return U8(0);
    }

    /// <summary>UTF-8 text NUL-padded to a fixed field (cut to leave at least one NUL).</summary>
    public ByteWriter Fixed(string text, int size)
    {
        var field = Take(size);
        field.Clear();
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes.AsSpan(0, Math.Min(bytes.Length, size - 1)).CopyTo(field);
        return this;
    }

    /// <summary>Zero-pads to a multiple of 8 bytes.</summary>
    public ByteWriter Align8() => Zeros((8 - (Length & 7)) & 7);

    /// <summary>Overwrites a 16-bit value already written at <paramref name="offset"/>.</summary>
    public void PatchU16(int offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(offset, 2), value);

    private Span<byte> Take(int count)
    {
        if (_buffer.Length - Length < count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
