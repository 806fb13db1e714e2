using System.Buffers.Binary;
using System.Collections.Frozen;

namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>Reads the number a decoder's value holds (little-endian, 1, 2, 4 or 8 bytes).</summary>
public static class ValueBytes
{
    /// <summary>The unsigned number in <paramref name="value"/>; false when its size is not 1, 2, 4 or 8.</summary>
    public static bool TryUnsigned(ReadOnlySpan<byte> value, out ulong number)
    {
        number = value.Length switch
        {
            1 => value[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(value),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(value),
            8 => BinaryPrimitives.ReadUInt64LittleEndian(value),
            _ => 0,
        };
        return value.Length is 1 or 2 or 4 or 8;
    }

    /// <summary>The signed number in <paramref name="value"/> (sign-extended from its size).</summary>
    public static bool TrySigned(ReadOnlySpan<byte> value, out long number)
    {
        number = value.Length switch
        {
            1 => (sbyte)value[0],
            2 => BinaryPrimitives.ReadInt16LittleEndian(value),
            4 => BinaryPrimitives.ReadInt32LittleEndian(value),
            8 => BinaryPrimitives.ReadInt64LittleEndian(value),
            _ => 0,
        };
        return value.Length is 1 or 2 or 4 or 8;
    }

    /// <summary>A C string in a fixed field: the bytes before the first NUL (all of them when there is none).</summary>
    public static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOf((byte)0);
        return end >= 0 ? value[..end] : value;
    }

    /// <summary>A number from a table of names (unknown numbers shown as numbers).</summary>
    public static string Named(ReadOnlySpan<byte> value, FrozenDictionary<long, string> names)
    {
        if (!TrySigned(value, out var number))
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        return names.TryGetValue(number, out var name) ? name : MessagePlaceholders.UnknownValue(number);
    }
}
