using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CallKitDoctor.Logging.Unified.Plist;

namespace CallKitDoctor.Logging.Unified.Protobuf;

/// <summary>
/// Dumps protocol buffer bytes without a schema, like <c>protoc --decode_raw</c>: one <c>field: value</c> line per
/// field (varints as unsigned numbers, fixed64/fixed32 in hex, length-delimited values as a nested message when they
/// parse as one, else a quoted string when they are UTF-8 text, else hex), nested messages in braces. Bounded: nesting
/// stops at <see cref="MaxDepth"/>, output at <see cref="MaxOutputChars"/>; malformed bytes give false, never an
/// exception.
/// </summary>
public static class ProtobufText
{
    /// <summary>Deepest nesting tried.</summary>
    public const int MaxDepth = 16;

    /// <summary>Longest text produced; longer output ends with <c>…</c>.</summary>
    public const int MaxOutputChars = 1 << 20;

    /// <summary>Appends the field dump of <paramref name="data"/>; false (output unchanged) when it is not a well-formed message.</summary>
    public static bool TryFormat(ReadOnlySpan<byte> data, StringBuilder output) => TryMessage(data, output, 0);

    private static bool TryMessage(ReadOnlySpan<byte> data, StringBuilder output, int depth)
    {
        var start = output.Length;
        var position = 0;
        while (position < data.Length)
        {
            if (output.Length > MaxOutputChars)
            {
                output.Append('…');
                return true;
            }

            if (!TryVarint(data, ref position, out var key) || key >> 3 == 0 || key >> 3 > 0x1FFF_FFFF)
            {
                output.Length = start;
                return false;
            }

            var field = key >> 3;
            Indent(output, depth).Append(field).Append(':');
            switch (key & 7)
            {
                case 0:
                    if (!TryVarint(data, ref position, out var number))
                    {
                        output.Length = start;
                        return false;
                    }

                    output.Append(' ').Append(number).Append('\n');
                    break;
                case 1:
                    if (data.Length - position < 8)
                    {
                        output.Length = start;
                        return false;
                    }

                    output.Append(" 0x").Append(BinaryPrimitives.ReadUInt64LittleEndian(data[position..]).ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
                    position += 8;
                    break;
                case 5:
                    if (data.Length - position < 4)
                    {
                        output.Length = start;
                        return false;
                    }

                    output.Append(" 0x").Append(BinaryPrimitives.ReadUInt32LittleEndian(data[position..]).ToString("x8", CultureInfo.InvariantCulture)).Append('\n');
                    position += 4;
                    break;
                case 2:
                    if (!TryVarint(data, ref position, out var length) || length > (ulong)(data.Length - position))
                    {
                        output.Length = start;
                        return false;
                    }

                    AppendBytes(data.Slice(position, (int)length), output, depth);
                    position += (int)length;
                    break;
                default:
                    output.Length = start;
                    return false;
            }
        }

        return true;
    }

    private static void AppendBytes(ReadOnlySpan<byte> value, StringBuilder output, int depth)
    {
        if (!value.IsEmpty && depth + 1 < MaxDepth)
        {
            output.Append(" {\n");
            var before = output.Length;
            if (TryMessage(value, output, depth + 1) && output.Length > before)
            {
                Indent(output, depth).Append("}\n");
                return;
            }

            output.Length = before - 3;
        }

        if (Utf8.IsValid(value) && !value.ContainsAnyInRange((byte)0, (byte)8))
        {
            output.Append(' ');
            BinaryPlistText.AppendJsonString(output, Encoding.UTF8.GetString(value));
            output.Append('\n');
            return;
        }

        output.Append(" 0x").Append(Convert.ToHexStringLower(value)).Append('\n');
    }

    private static StringBuilder Indent(StringBuilder output, int depth) => output.Append(' ', 2 * depth);

    private static bool TryVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < data.Length; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
