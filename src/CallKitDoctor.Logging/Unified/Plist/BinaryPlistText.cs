using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CallKitDoctor.Logging.Unified.Plist;

/// <summary>
/// Renders a binary property list (<c>bplist00</c>) as compact JSON text: dictionaries as objects, arrays and sets as
/// arrays, strings, integers, reals, booleans, null, dates (ISO 8601, UTC) and data (base64) as JSON values, UIDs as
/// <c>{"CF$UID":n}</c>. Bounded and hostile-safe: every offset and count is checked against the data, nesting is
/// limited to <see cref="MaxDepth"/> (which also stops reference cycles), the number of objects visited to
/// <see cref="MaxVisits"/> and the text to <see cref="MaxOutputChars"/>; malformed input gives false and a reason,
/// never an exception.
/// </summary>
public static class BinaryPlistText
{
    /// <summary>Deepest nesting followed.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most objects rendered (a plist whose references fan out cannot blow up the output).</summary>
    public const int MaxVisits = 100_000;

    /// <summary>Longest text produced; longer output ends with <c>…</c>.</summary>
    public const int MaxOutputChars = 1 << 20;

    private const int TrailerSize = 32;

    /// <summary>True when <paramref name="data"/> starts with the <c>bplist00</c> signature.</summary>
    public static bool IsBinaryPlist(ReadOnlySpan<byte> data) => data.StartsWith("bplist00"u8);

    /// <summary>Appends the JSON text of the plist in <paramref name="data"/>; false (and why) when it is malformed.</summary>
    public static bool TryFormat(ReadOnlySpan<byte> data, StringBuilder output, out string? error)
    {
        error = null;
        if (!IsBinaryPlist(data) || data.Length < 8 + TrailerSize)
        {
            error = "not a bplist00 (signature or trailer missing)";
            return false;
        }

        var trailer = data[^TrailerSize..];
        int offsetSize = trailer[6];
        int refSize = trailer[7];
        var objectCount = BinaryPrimitives.ReadUInt64BigEndian(trailer[8..]);
        var top = BinaryPrimitives.ReadUInt64BigEndian(trailer[16..]);
        var tableOffset = BinaryPrimitives.ReadUInt64BigEndian(trailer[24..]);
        var tableEnd = (ulong)(data.Length - TrailerSize);
        if (offsetSize is < 1 or > 8 || refSize is < 1 or > 8 || objectCount == 0 || top >= objectCount ||
            tableOffset < 8 || tableOffset > tableEnd || objectCount > (tableEnd - tableOffset) / (ulong)offsetSize)
        {
            error = "bplist00 trailer is inconsistent with the data";
            return false;
        }

        var reader = new Reader(data, (int)tableOffset, offsetSize, refSize, (int)objectCount, output);
        var start = output.Length;
        if (!reader.Write((int)top, 0))
        {
            output.Length = start;
            error = reader.Error;
            return false;
        }

        return true;
    }

    private ref struct Reader(ReadOnlySpan<byte> data, int tableOffset, int offsetSize, int refSize, int objectCount, StringBuilder output)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _visits;

        public string? Error { get; private set; }

        public bool Write(int index, int depth)
        {
            if (depth > MaxDepth)
            {
                return Fail("nesting deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " (or a reference cycle)");
            }

            if (++_visits > MaxVisits || output.Length > MaxOutputChars)
            {
                output.Append('…');
                return true;
            }

            var offsetEntry = _data.Slice(tableOffset + (index * offsetSize), offsetSize);
            var offset = ReadBigEndian(offsetEntry);
            if (offset < 8 || offset >= (ulong)tableOffset)
            {
                return Fail($"object {index} offset {offset} is outside the object area");
            }

            var at = (int)offset;
            var marker = _data[at];
            var kind = marker >> 4;
            var low = marker & 0xF;
            switch (kind)
            {
                case 0x0:
                    output.Append(low switch { 0x8 => "false", 0x9 => "true", _ => "null" });
                    return true;
                case 0x1:
                    return WriteInteger(at + 1, 1 << low);
                case 0x2:
                    return WriteReal(at + 1, 1 << low);
                case 0x3 when low == 0x3:
                    return WriteDate(at + 1);
                case 0x4:
                    return TryCount(ref at, low, out var dataLength) && WriteData(at, dataLength);
                case 0x5:
                    return TryCount(ref at, low, out var asciiLength) && WriteString(at, asciiLength, unicode: false);
                case 0x6:
                    return TryCount(ref at, low, out var charCount) && WriteString(at, charCount, unicode: true);
                case 0x8:
                    if (!Fits(at + 1, low + 1))
                    {
                        return Fail($"UID at {at} is cut short");
                    }

                    output.Append("{\"CF$UID\":").Append(ReadBigEndian(_data.Slice(at + 1, low + 1))).Append('}');
                    return true;
                case 0xA or 0xC:
                    return TryCount(ref at, low, out var items) && WriteArray(at, items, depth);
                case 0xD:
                    return TryCount(ref at, low, out var pairs) && WriteDictionary(at, pairs, depth);
                default:
                    return Fail($"unknown object marker 0x{marker:x2} at {at}");
            }
        }

        private bool WriteInteger(int at, int size)
        {
            if (size > 16 || !Fits(at, size))
            {
                return Fail($"integer at {at} is cut short");
            }

            if (size == 16)
            {
                output.Append(BinaryPrimitives.ReadInt128BigEndian(_data.Slice(at, 16)).ToString(CultureInfo.InvariantCulture));
                return true;
            }

            var raw = ReadBigEndian(_data.Slice(at, size));
            if (size == 8)
            {
                output.Append(CultureInfo.InvariantCulture, $"{(long)raw}");
            }
            else
            {
                output.Append(CultureInfo.InvariantCulture, $"{raw}");
            }

            return true;
        }

        private bool WriteReal(int at, int size)
        {
            if (size is not (4 or 8) || !Fits(at, size))
            {
                return Fail($"real at {at} is cut short or of size {size}");
            }

            var value = size == 4 ? BinaryPrimitives.ReadSingleBigEndian(_data.Slice(at, 4)) : BinaryPrimitives.ReadDoubleBigEndian(_data.Slice(at, 8));
            output.Append(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null");
            return true;
        }

        private bool WriteDate(int at)
        {
            if (!Fits(at, 8))
            {
                return Fail($"date at {at} is cut short");
            }

            var seconds = BinaryPrimitives.ReadDoubleBigEndian(_data.Slice(at, 8));
            var epoch2001 = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            if (!double.IsFinite(seconds) || seconds < (DateTime.MinValue - epoch2001).TotalSeconds || seconds > (DateTime.MaxValue - epoch2001).TotalSeconds)
            {
                output.Append(seconds.ToString("R", CultureInfo.InvariantCulture));
                return true;
            }

            output.Append('"').Append(epoch2001.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('"');
            return true;
        }

        private bool WriteData(int at, int length)
        {
            if (!Fits(at, length))
            {
                return Fail($"data at {at} is cut short");
            }

            output.Append('"').Append(Convert.ToBase64String(_data.Slice(at, length))).Append('"');
            return true;
        }

        private bool WriteString(int at, int count, bool unicode)
        {
            var size = unicode ? 2L * count : count;
            if (!Fits(at, size))
            {
                return Fail($"string at {at} is cut short");
            }

            // Decoded into a scratch buffer (no string per plist string): on the stack when short, else rented.
            var bytes = _data.Slice(at, (int)size);
            var encoding = unicode ? Encoding.BigEndianUnicode : Encoding.UTF8;
            var most = encoding.GetMaxCharCount(bytes.Length);
            char[]? rented = null;
            var chars = most <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(most));
            var length = encoding.GetChars(bytes, chars);
            AppendJsonString(output, chars[..length]);
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }

            return true;
        }

        private bool WriteArray(int at, int count, int depth)
        {
            if (!Fits(at, (long)count * refSize))
            {
                return Fail($"array at {at} is cut short");
            }

            output.Append('[');
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    output.Append(',');
                }

                if (!TryReference(at + (i * refSize), out var item) || !Write(item, depth + 1))
                {
                    return false;
                }
            }

            output.Append(']');
            return true;
        }

        private bool WriteDictionary(int at, int count, int depth)
        {
            if (!Fits(at, 2L * count * refSize))
            {
                return Fail($"dictionary at {at} is cut short");
            }

            output.Append('{');
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    output.Append(',');
                }

                if (!TryReference(at + (i * refSize), out var key) || !TryReference(at + ((count + i) * refSize), out var value))
                {
                    return false;
                }

                var keyStart = output.Length;
                if (!Write(key, depth + 1))
                {
                    return false;
                }

                if (output.Length == keyStart || output[keyStart] != '"')
                {
                    // A key that is not a string is quoted so the text stays JSON.
                    var keyText = output.ToString(keyStart, output.Length - keyStart);
                    output.Length = keyStart;
                    AppendJsonString(output, keyText);
                }

                output.Append(':');
                if (!Write(value, depth + 1))
                {
                    return false;
                }
            }

            output.Append('}');
            return true;
        }

        /// <summary>Reads the element count of a marker (inline, or an integer object after a 0xF nibble) and moves past it.</summary>
        private bool TryCount(ref int at, int low, out int count)
        {
            count = low;
            at++;
            if (low != 0xF)
            {
                return true;
            }

            if (!Fits(at, 1) || _data[at] >> 4 != 0x1)
            {
                return Fail($"count at {at} is not an integer");
            }

            var size = 1 << (_data[at] & 0xF);
            if (size > 8 || !Fits(at + 1, size))
            {
                return Fail($"count at {at} is cut short");
            }

            var value = ReadBigEndian(_data.Slice(at + 1, size));
            if (value > int.MaxValue)
            {
                return Fail($"count {value} at {at} is too large");
            }

            count = (int)value;
            at += 1 + size;
            return true;
        }

        private bool TryReference(int at, out int index)
        {
            var value = ReadBigEndian(_data.Slice(at, refSize));
            index = (int)Math.Min(value, int.MaxValue);
            return value < (ulong)objectCount || Fail($"reference {value} at {at} names no object");
        }

        private readonly bool Fits(int at, long length) => at >= 0 && length >= 0 && at + length <= tableOffset;

        private bool Fail(string reason)
        {
            Error ??= reason;
            return false;
        }

        private static ulong ReadBigEndian(ReadOnlySpan<byte> bytes)
        {
            ulong value = 0;
            foreach (var b in bytes)
            {
                value = (value << 8) | b;
            }

            return value;
        }
    }

    /// <summary>Appends <paramref name="text"/> as a JSON string literal (runs without a character to escape are appended whole).</summary>
    public static void AppendJsonString(StringBuilder output, string text) => AppendJsonString(output, text.AsSpan());

    /// <summary>Appends <paramref name="text"/> as a JSON string literal (runs without a character to escape are appended whole).</summary>
    public static void AppendJsonString(StringBuilder output, ReadOnlySpan<char> text)
    {
        output.Append('"');
        var rest = text;
        while (true)
        {
            var special = rest.IndexOfAny(JsonSpecial);
            if (special < 0)
            {
                output.Append(rest);
                break;
            }

            output.Append(rest[..special]);
            var c = rest[special];
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                default:
                    output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }

            rest = rest[(special + 1)..];
        }

        output.Append('"');
    }

    private static readonly SearchValues<char> JsonSpecial = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");
}
