using System.Text;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>Builds the data items of a tracepoint (item headers, then the values data) for formatter tests.</summary>
internal sealed class ItemsImage
{
    private readonly ByteImage _items = new();
    private readonly ByteImage _values = new();
    private int _count;

    public ItemsImage Scalar(long value, byte size = 4, byte type = 0x00)
    {
        _count++;
        _items.U8(type).U8(size);
        var bytes = BitConverter.GetBytes(value);
        _items.Bytes(bytes.AsSpan(0, size));
        return this;
    }

    public ItemsImage Double(double value) => Scalar(BitConverter.DoubleToInt64Bits(value), 8, 0x00);

    public ItemsImage Precision(int value) => Scalar(value, 4, 0x12);

    public ItemsImage String(string? value, byte type = 0x22)
    {
        _count++;
        if (value is null)
        {
            _items.U8(type).U8(4).U16(0).U16(0);
            return this;
        }

        var bytes = Encoding.UTF8.GetBytes(value + "\0");
        _items.U8(type).U8(4).U16((ushort)_values.Length).U16((ushort)bytes.Length);
        _values.Bytes(bytes);
        return this;
    }

    public ItemsImage Binary(byte[] value, byte type = 0x32)
    {
        _count++;
        _items.U8(type).U8(4).U16((ushort)_values.Length).U16((ushort)value.Length);
        _values.Bytes(value);
        return this;
    }

    /// <summary>A redacted value (item type 0x01 or 0x25…).</summary>
    public ItemsImage Redacted(byte type = 0x01)
    {
        _count++;
        _items.U8(type).U8(0);
        return this;
    }

    /// <summary>A value in the chunk's private data.</summary>
    public ItemsImage PrivateRange(ushort offset, ushort length)
    {
        _count++;
        _items.U8(0x21).U8(4).U16(offset).U16(length);
        return this;
    }

    public byte[] ToArray() => new ByteImage().U8(0).U8((byte)_count).Append(_items).Append(_values).ToArray();
}
