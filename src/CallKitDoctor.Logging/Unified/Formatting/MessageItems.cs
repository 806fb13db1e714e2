using System.Buffers.Binary;

namespace CallKitDoctor.Logging.Unified.Formatting;

/// <summary>
/// Reads the data items of a tracepoint: <c>[unknown u8][count u8]</c>, then per item <c>[type u8][size u8][data]</c>,
/// then the values data that string and binary items point into. Bounds-checked; a cut-short item ends the list.
/// </summary>
public static class MessageItems
{
    /// <summary>Most items a tracepoint can have (the count is one byte).</summary>
    public const int MaxItems = 255;

    /// <summary>
    /// Decodes up to <paramref name="output"/>.Length items; returns how many, and where the values data starts in
    /// <paramref name="items"/>.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> items, Span<MessageArgument> output, out int valuesOffset)
    {
        valuesOffset = items.Length;
        if (items.Length < 2)
        {
            return 0;
        }

        int count = items[1];
        var position = 2;
        var produced = 0;
        for (var i = 0; i < count && produced < output.Length; i++)
        {
            if (items.Length - position < 2)
            {
                break;
            }

            var type = items[position];
            var size = items[position + 1];
            position += 2;
            if (items.Length - position < size)
            {
                break;
            }

            var data = items.Slice(position, size);
            position += size;
            output[produced++] = Decode(type, size, data);
        }

        valuesOffset = position;
        return produced;
    }

    /// <summary>
    /// Where the values data starts in <paramref name="items"/> (after the last whole item header), without decoding
    /// the items; <paramref name="items"/>.Length when the list is cut short.
    /// </summary>
    public static int ValuesOffset(ReadOnlySpan<byte> items)
    {
        if (items.Length < 2)
        {
            return items.Length;
        }

        int count = items[1];
        var position = 2;
        for (var i = 0; i < count; i++)
        {
            if (items.Length - position < 2 || items.Length - position - 2 < items[position + 1])
            {
                return items.Length;
            }

            position += 2 + items[position + 1];
        }

        return position;
    }

    private static MessageArgument Decode(byte type, byte size, ReadOnlySpan<byte> data)
    {
        var kind = type switch
        {
            0x00 or 0x02 => MessageArgumentKind.Scalar,
            0x10 or 0x12 => MessageArgumentKind.Precision,
            0x20 or 0x22 or 0x40 or 0x42 => MessageArgumentKind.String,
            0x30 or 0x32 or 0xF2 => MessageArgumentKind.Binary,
            0x21 or 0x31 or 0x41 => MessageArgumentKind.PrivateRange,
            0x01 or 0x25 or 0x35 or 0x45 => MessageArgumentKind.Private,
            _ => MessageArgumentKind.Unknown,
        };

        if (kind is MessageArgumentKind.String or MessageArgumentKind.Binary or MessageArgumentKind.PrivateRange)
        {
            if (size >= 4)
            {
                return new MessageArgument(kind, type, size, 0, BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data[2..]));
            }

            return new MessageArgument(MessageArgumentKind.Unknown, type, size, ReadScalar(data), 0, 0);
        }

        return new MessageArgument(kind, type, size, ReadScalar(data), 0, 0);
    }

    private static ulong ReadScalar(ReadOnlySpan<byte> data) => data.Length switch
    {
        >= 8 => BinaryPrimitives.ReadUInt64LittleEndian(data),
        >= 4 => BinaryPrimitives.ReadUInt32LittleEndian(data),
        >= 2 => BinaryPrimitives.ReadUInt16LittleEndian(data),
        1 => data[0],
        _ => 0,
    };
}
