using System.Buffers.Binary;
using System.Text;

namespace CallKitDoctor.Logging.Unified.Binary;

/// <summary>
/// A bounds-checked little-endian reader over a span. Every <c>TryRead</c> leaves the position unchanged and returns
/// false when the data is too short, so callers turn short data into a typed error instead of an exception.
/// </summary>
public ref struct SpanReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public SpanReader(ReadOnlySpan<byte> data, int position = 0)
    {
        _data = data;
        _position = Math.Clamp(position, 0, data.Length);
    }

    /// <summary>The offset of the next byte to read.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left after <see cref="Position"/>.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>The whole span the reader walks.</summary>
    public readonly ReadOnlySpan<byte> Data => _data;

    public bool TryReadByte(out byte value)
    {
        if (_position < _data.Length)
        {
            value = _data[_position++];
            return true;
        }

        value = 0;
        return false;
    }

    public bool TryReadUInt16(out ushort value)
    {
        if (Remaining >= 2)
        {
            value = BinaryPrimitives.ReadUInt16LittleEndian(_data[_position..]);
            _position += 2;
            return true;
        }

        value = 0;
        return false;
    }

    public bool TryReadUInt32(out uint value)
    {
        if (Remaining >= 4)
        {
            value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_position..]);
            _position += 4;
            return true;
        }

        value = 0;
        return false;
    }

    public bool TryReadInt32(out int value)
    {
        var ok = TryReadUInt32(out var raw);
        value = (int)raw;
        return ok;
    }

    public bool TryReadUInt64(out ulong value)
    {
        if (Remaining >= 8)
        {
            value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_position..]);
            _position += 8;
            return true;
        }

        value = 0;
        return false;
    }

    public bool TryReadInt64(out long value)
    {
        var ok = TryReadUInt64(out var raw);
        value = (long)raw;
        return ok;
    }

    /// <summary>Reads a UUID stored big-endian (as Apple stores them).</summary>
    public bool TryReadUuid(out Guid value)
    {
        if (Remaining >= 16)
        {
            value = new Guid(_data.Slice(_position, 16), bigEndian: true);
            _position += 16;
            return true;
        }

        value = Guid.Empty;
        return false;
    }

    /// <summary>Takes the next <paramref name="length"/> bytes.</summary>
    public bool TryReadBytes(int length, out ReadOnlySpan<byte> bytes)
    {
        if (length >= 0 && Remaining >= length)
        {
            bytes = _data.Slice(_position, length);
            _position += length;
            return true;
        }

        bytes = default;
        return false;
    }

    /// <summary>Skips <paramref name="length"/> bytes.</summary>
    public bool TrySkip(int length)
    {
        if (length >= 0 && Remaining >= length)
        {
            _position += length;
            return true;
        }

        return false;
    }

    /// <summary>Moves to the next multiple of 8 counted from <paramref name="origin"/> (clamped to the end).</summary>
    public void AlignTo8(int origin = 0)
    {
        var relative = _position - origin;
        var padded = origin + ((relative + 7) & ~7);
        _position = Math.Min(padded, _data.Length);
    }

    /// <summary>The NUL-terminated string at <paramref name="offset"/> (to the end of the data when unterminated).</summary>
    public static ReadOnlySpan<byte> CStringAt(ReadOnlySpan<byte> data, int offset)
    {
        if ((uint)offset >= (uint)data.Length)
        {
            return default;
        }

        var rest = data[offset..];
        var end = rest.IndexOf((byte)0);
        return end >= 0 ? rest[..end] : rest;
    }

    /// <summary>Decodes a fixed-size, NUL-padded UTF-8 field.</summary>
    public static string FixedString(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end >= 0 ? field[..end] : field);
    }

    /// <summary>Rounds <paramref name="value"/> up to a multiple of 8.</summary>
    public static long Align8(long value) => (value + 7) & ~7L;
}
