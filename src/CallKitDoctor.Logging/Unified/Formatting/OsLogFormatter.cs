using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using CallKitDoctor.Logging.Unified.Formatting.Decoders;

namespace CallKitDoctor.Logging.Unified.Formatting;

/// <summary>
/// Renders an os_log format string with a tracepoint's data items, in the printf dialect of os_log: flags, width and
/// precision (including <c>*</c>), length modifiers, <c>%{public}</c>/<c>%{private}</c>, <c>mask.hash</c> and the
/// value decoders of <see cref="ValueDecoders"/> (<c>bool</c>, <c>errno</c>, <c>network:sockaddr</c>, <c>mdns:dnshdr</c>,
/// <c>odtypes:…</c>, <c>location:…</c>…), <c>%@</c>, <c>%s</c>, <c>%P</c>, <c>%m</c> and <c>%%</c>. Redacted values print
/// <c>&lt;private&gt;</c>, missing items <c>&lt;decode: missing data&gt;</c>, and unknown specifiers are copied as
/// written.
/// </summary>
public static class OsLogFormatter
{
    [ThreadStatic]
    private static MessageArgument[]? t_arguments;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    [ThreadStatic]
    private static char[]? t_scratch;

    /// <summary>Formats into a new string.</summary>
    public static string Format(string format, ReadOnlySpan<byte> items, ReadOnlySpan<byte> privateData = default)
    {
        var builder = t_builder ??= new StringBuilder(256);
        builder.Clear();
        Format(format, items, privateData, builder);
        var text = builder.ToString();
        if (builder.Capacity > 64 * 1024)
        {
            t_builder = null;
        }

        return text;
    }

    /// <summary>Formats, appending to <paramref name="output"/>.</summary>
    public static void Format(string format, ReadOnlySpan<byte> items, ReadOnlySpan<byte> privateData, StringBuilder output)
    {
        var arguments = t_arguments ??= new MessageArgument[MessageItems.MaxItems];
        var count = MessageItems.Read(items, arguments, out var valuesOffset);
        var values = items[Math.Min(valuesOffset, items.Length)..];
        var args = new ArgumentCursor(arguments.AsSpan(0, count));

        var i = 0;
        while (i < format.Length)
        {
            var percent = format.IndexOf('%', i);
            if (percent < 0)
            {
                output.Append(format, i, format.Length - i);
                break;
            }

            output.Append(format, i, percent - i);
            i = FormatSpecifier(format, percent, ref args, values, privateData, output);
        }
    }

    private ref struct ArgumentCursor(ReadOnlySpan<MessageArgument> all)
    {
        private readonly ReadOnlySpan<MessageArgument> _all = all;
        private int _next;

        public bool TryTake(out MessageArgument argument)
        {
            if (_next < _all.Length)
            {
                argument = _all[_next++];
                return true;
            }

            argument = default;
            return false;
        }
    }

    /// <summary>Formats the specifier starting at <paramref name="start"/> (a '%'); returns the index after it.</summary>
    private static int FormatSpecifier(string format, int start, ref ArgumentCursor args, ReadOnlySpan<byte> values, ReadOnlySpan<byte> privateData, StringBuilder output)
    {
        var i = start + 1;
        if (i >= format.Length)
        {
            output.Append('%');
            return i;
        }

        if (format[i] == '%')
        {
            output.Append('%');
            return i + 1;
        }

        ReadOnlySpan<char> decoders = default;
        if (format[i] == '{')
        {
            var close = format.IndexOf('}', i);
            if (close < 0)
            {
                output.Append(format, start, format.Length - start);
                return format.Length;
            }

            decoders = format.AsSpan(i + 1, close - i - 1);
            i = close + 1;
        }

        bool left = false, plus = false, space = false, alternate = false, zero = false;
        for (; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '-') left = true;
            else if (c == '+') plus = true;
            else if (c == ' ') space = true;
            else if (c == '#') alternate = true;
            else if (c == '0') zero = true;
            else if (c != '\'') break;
        }

        var width = -1;
        var missing = false;
        if (i < format.Length && format[i] == '*')
        {
            i++;
            if (args.TryTake(out var w))
            {
                width = (int)Math.Clamp((long)w.Scalar, -4096, 4096);
                if (width < 0)
                {
                    left = true;
                    width = -width;
                }
            }
            else
            {
                missing = true;
            }
        }
        else
        {
            width = ReadNumber(format, ref i);
        }

        var precision = -1;
        if (i < format.Length && format[i] == '.')
        {
            i++;
            if (i < format.Length && format[i] == '*')
            {
                i++;
                if (args.TryTake(out var p))
                {
                    precision = (int)Math.Clamp((long)p.Scalar, -1, 65536);
                }
                else
                {
                    missing = true;
                }
            }
            else
            {
                precision = Math.Max(0, ReadNumber(format, ref i));
            }
        }

        while (i < format.Length && format[i] is 'h' or 'l' or 'q' or 'j' or 'z' or 't' or 'L')
        {
            i++;
        }

        if (i >= format.Length)
        {
            output.Append(format, start, format.Length - start);
            return format.Length;
        }

        var conversion = format[i++];
        if (conversion == 'n')
        {
            return i;
        }

        if (!IsConversion(conversion))
        {
            output.Append(format, start, i - start);
            return i;
        }

        if (missing || !args.TryTake(out var argument))
        {
            output.Append(MessagePlaceholders.MissingData);
            return i;
        }

        if (TryRenderCommon(conversion, decoders, argument, precision, plus, space, alternate, values, privateData, out var common, out var isNumber))
        {
            Pad(output, common, width, left, zero && isNumber && !left);
            return i;
        }

        var text = Render(conversion, decoders, argument, precision, plus, space, alternate, values, privateData, out var numeric);
        Pad(output, text, width, left, zero && numeric && !left);
        return i;
    }

    private static bool IsConversion(char c) => c is 'd' or 'i' or 'u' or 'o' or 'x' or 'X' or 'D' or 'U' or 'O' or 'c' or 'C'
        or 's' or 'S' or '@' or 'p' or 'P' or 'm' or 'f' or 'F' or 'e' or 'E' or 'g' or 'G' or 'a' or 'A';

    private static int ReadNumber(string format, ref int i)
    {
        var value = -1;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            value = Math.Min(((value < 0 ? 0 : value) * 10) + (format[i] - '0'), 65536);
            i++;
        }

        return value;
    }

    private static void Pad(StringBuilder output, ReadOnlySpan<char> text, int width, bool left, bool zero)
    {
        var fill = width - text.Length;
        if (fill <= 0)
        {
            output.Append(text);
        }
        else if (left)
        {
            output.Append(text).Append(' ', fill);
        }
        else if (zero)
        {
            var sign = text.Length > 0 && text[0] is '-' or '+' or ' ' ? 1 : 0;
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                sign = 2;
            }

            output.Append(text[..sign]).Append('0', fill).Append(text[sign..]);
        }
        else
        {
            output.Append(' ', fill).Append(text);
        }
    }

    private static bool HasDecoder(ReadOnlySpan<char> decoders, string name)
    {
        var rest = decoders;
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var part = (comma < 0 ? rest : rest[..comma]).Trim();
            if (part.SequenceEqual(name))
            {
                return true;
            }

            rest = comma < 0 ? default : rest[(comma + 1)..];
        }

        return false;
    }

    private static string Render(char conversion, ReadOnlySpan<char> decoders, MessageArgument arg, int precision, bool plus, bool space, bool alternate,
        ReadOnlySpan<byte> values, ReadOnlySpan<byte> privateData, out bool numeric)
    {
        numeric = false;
        if (arg.Kind == MessageArgumentKind.Private)
        {
            return MessagePlaceholders.Private;
        }

        ReadOnlySpan<byte> bytes = default;
        if (arg.Kind is MessageArgumentKind.String or MessageArgumentKind.Binary or MessageArgumentKind.PrivateRange)
        {
            var source = arg.Kind == MessageArgumentKind.PrivateRange ? privateData : values;
            if (arg.Kind == MessageArgumentKind.PrivateRange && (source.IsEmpty || arg.IsNull))
            {
                return MessagePlaceholders.Private;
            }

            if (arg.IsNull)
            {
                return MessagePlaceholders.Null;
            }

            if (arg.Offset > source.Length || arg.Length > source.Length - arg.Offset)
            {
                return MessagePlaceholders.MissingData;
            }

            bytes = source.Slice(arg.Offset, arg.Length);
        }

        if (decoders.Length > 0 && HasDecoder(decoders, "mask.hash"))
        {
            return $"<mask.hash: '{Convert.ToBase64String(bytes)}'>";
        }

        if (decoders.Length > 0 && ValueDecoders.TryFind(decoders, out var decoder))
        {
            if (arg.Kind is MessageArgumentKind.String or MessageArgumentKind.Binary or MessageArgumentKind.PrivateRange)
            {
                return decoder(bytes);
            }

            Span<byte> scalar = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(scalar, arg.Scalar);
            return decoder(scalar[..(arg.Size is 1 or 2 or 4 or 8 ? arg.Size : 8)]);
        }

        switch (conversion)
        {
            case 's' or 'S' or '@':
                if (arg.Kind is MessageArgumentKind.Scalar or MessageArgumentKind.Precision or MessageArgumentKind.Unknown)
                {
                    return Convert.ToString((long)arg.Scalar, CultureInfo.InvariantCulture);
                }

                var end = bytes.IndexOf((byte)0);
                var text = Encoding.UTF8.GetString(end >= 0 ? bytes[..end] : bytes);
                return precision >= 0 && precision < text.Length ? text[..precision] : text;
            case 'P':
                return bytes.IsEmpty && arg.Kind == MessageArgumentKind.Scalar
                    ? Convert.ToString((long)arg.Scalar, CultureInfo.InvariantCulture)
                    : Convert.ToHexString(bytes).ToLowerInvariant();
        }

        if (arg.Kind is MessageArgumentKind.String or MessageArgumentKind.Binary or MessageArgumentKind.PrivateRange)
        {
            // A number shown from data that is not a number: print the data as text, never drop it.
            return Encoding.UTF8.GetString(bytes);
        }

        numeric = true;
        var raw = arg.Scalar;
        var size = arg.Size is 1 or 2 or 4 or 8 ? arg.Size : 8;
        var signed = SignExtend(raw, size);
        switch (conversion)
        {
            case 'd' or 'i' or 'D':
                return Signed(signed, precision, plus, space);
            case 'u' or 'U':
                return MinDigits(Truncate(raw, size).ToString(CultureInfo.InvariantCulture), precision);
            case 'x':
                return (alternate && raw != 0 ? "0x" : "") + MinDigits(Truncate(raw, size).ToString("x", CultureInfo.InvariantCulture), precision);
            case 'X':
                return (alternate && raw != 0 ? "0X" : "") + MinDigits(Truncate(raw, size).ToString("X", CultureInfo.InvariantCulture), precision);
            case 'o' or 'O':
                return (alternate ? "0" : "") + MinDigits(Convert.ToString((long)Truncate(raw, size), 8), precision);
            case 'p':
                return "0x" + raw.ToString("x", CultureInfo.InvariantCulture);
            case 'c' or 'C':
                numeric = false;
                return raw is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32((int)raw) : string.Empty;
            case 'm':
                numeric = false;
                return ErrnoNames.Describe(signed);
            default:
                var value = size == 4 ? BitConverter.Int32BitsToSingle((int)raw) : BitConverter.Int64BitsToDouble((long)raw);
                return FloatText(conversion, value, precision, plus, space, alternate);
        }
    }

    /// <summary>
    /// The common cases rendered into a reused character buffer instead of a new string: strings and objects
    /// (<c>%s</c>, <c>%@</c>), <c>%d</c>/<c>%u</c>/<c>%x</c>/<c>%X</c> without precision and <c>%p</c>, with no decoder
    /// other than <c>public</c>/<c>private</c>. Gives the same text as <see cref="Render"/>; false for anything else.
    /// The span is valid until the next call on this thread.
    /// </summary>
    private static bool TryRenderCommon(char conversion, ReadOnlySpan<char> decoders, in MessageArgument arg, int precision, bool plus, bool space,
        bool alternate, ReadOnlySpan<byte> values, ReadOnlySpan<byte> privateData, out ReadOnlySpan<char> text, out bool numeric)
    {
        text = default;
        numeric = false;
        if (!decoders.IsEmpty && !IsPrivacyOnly(decoders))
        {
            return false;
        }

        if (arg.Kind == MessageArgumentKind.Private)
        {
            text = MessagePlaceholders.Private;
            return true;
        }

        if (arg.Kind is MessageArgumentKind.String or MessageArgumentKind.Binary or MessageArgumentKind.PrivateRange)
        {
            if (conversion is not ('s' or 'S' or '@'))
            {
                return false;
            }

            var source = arg.Kind == MessageArgumentKind.PrivateRange ? privateData : values;
            if (arg.Kind == MessageArgumentKind.PrivateRange && (source.IsEmpty || arg.IsNull))
            {
                text = MessagePlaceholders.Private;
            }
            else if (arg.IsNull)
            {
                text = MessagePlaceholders.Null;
            }
            else if (arg.Offset > source.Length || arg.Length > source.Length - arg.Offset)
            {
                text = MessagePlaceholders.MissingData;
            }
            else
            {
                var bytes = source.Slice(arg.Offset, arg.Length);
                var end = bytes.IndexOf((byte)0);
                bytes = end >= 0 ? bytes[..end] : bytes;
                var chars = Scratch(Encoding.UTF8.GetMaxCharCount(bytes.Length));
                var length = Encoding.UTF8.GetChars(bytes, chars);
                text = chars.AsSpan(0, precision >= 0 && precision < length ? precision : length);
            }

            return true;
        }

        if (arg.Kind != MessageArgumentKind.Scalar || (precision >= 0 && conversion != 'p'))
        {
            return false;
        }

        var raw = arg.Scalar;
        var size = arg.Size is 1 or 2 or 4 or 8 ? arg.Size : 8;
        var buffer = Scratch(32);
        var prefix = 0;
        bool written;
        int digits;
        switch (conversion)
        {
            case 'd' or 'i' or 'D':
                var signed = SignExtend(raw, size);
                if (signed >= 0 && (plus || space))
                {
                    buffer[prefix++] = plus ? '+' : ' ';
                }

                written = signed.TryFormat(buffer.AsSpan(prefix), out digits, default, CultureInfo.InvariantCulture);
                break;
            case 'u' or 'U':
                written = Truncate(raw, size).TryFormat(buffer, out digits, default, CultureInfo.InvariantCulture);
                break;
            case 'x' or 'X':
                if (alternate && raw != 0)
                {
                    buffer[prefix++] = '0';
                    buffer[prefix++] = conversion;
                }

                written = Truncate(raw, size).TryFormat(buffer.AsSpan(prefix), out digits, conversion == 'x' ? "x" : "X", CultureInfo.InvariantCulture);
                break;
            case 'p':
                buffer[prefix++] = '0';
                buffer[prefix++] = 'x';
                written = raw.TryFormat(buffer.AsSpan(prefix), out digits, "x", CultureInfo.InvariantCulture);
                break;
            default:
                return false;
        }

        numeric = true;
        text = buffer.AsSpan(0, prefix + digits);
        return written;
    }

    /// <summary>True for a decoder list that only sets privacy (<c>public</c>, <c>private</c>): no value decoder applies.</summary>
    private static bool IsPrivacyOnly(ReadOnlySpan<char> decoders) => decoders.SequenceEqual("public") || decoders.SequenceEqual("private");

    private static char[] Scratch(int length)
    {
        var scratch = t_scratch;
        if (scratch is null || scratch.Length < length)
        {
            scratch = t_scratch = new char[Math.Max(length, 256)];
        }

        return scratch;
    }

    private static long SignExtend(ulong raw, int size) => size switch
    {
        1 => (sbyte)raw,
        2 => (short)raw,
        4 => (int)raw,
        _ => (long)raw,
    };

    private static ulong Truncate(ulong raw, int size) => size switch
    {
        1 => (byte)raw,
        2 => (ushort)raw,
        4 => (uint)raw,
        _ => raw,
    };

    private static string MinDigits(string digits, int precision) =>
        precision > digits.Length ? new string('0', precision - digits.Length) + digits : digits;

    private static string Signed(long value, int precision, bool plus, bool space)
    {
        var magnitude = value < 0 ? ((ulong)(-(value + 1)) + 1).ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
        var sign = value < 0 ? "-" : plus ? "+" : space ? " " : "";
        return sign + MinDigits(magnitude, precision);
    }

    private static string FloatText(char conversion, double value, int precision, bool plus, bool space, bool alternate)
    {
        if (double.IsNaN(value))
        {
            return char.IsUpper(conversion) ? "NAN" : "nan";
        }

        if (double.IsInfinity(value))
        {
            var inf = value < 0 ? "-inf" : plus ? "+inf" : "inf";
            return char.IsUpper(conversion) ? inf.ToUpperInvariant() : inf;
        }

        var p = precision < 0 ? 6 : Math.Min(precision, 60);
        var text = conversion switch
        {
            'f' or 'F' => value.ToString("F" + p.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            'e' or 'E' => Exponential(value, p, conversion == 'E'),
            'g' or 'G' => General(value, p == 0 ? 1 : p, conversion == 'G', alternate),
            _ => value.ToString("R", CultureInfo.InvariantCulture),
        };

        if (!text.StartsWith('-'))
        {
            text = (plus ? "+" : space ? " " : "") + text;
        }

        return text;
    }

    private static string Exponential(double value, int precision, bool upper)
    {
        var text = value.ToString((upper ? "E" : "e") + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        // .NET writes three exponent digits (1.5e+003); C writes at least two.
        var e = text.IndexOfAny(['e', 'E']);
        var digits = text[(e + 2)..].TrimStart('0');
        return text[..(e + 2)] + digits.PadLeft(2, '0');
    }

    private static string General(double value, int precision, bool upper, bool alternate)
    {
        var rounded = Exponential(value, precision - 1, upper);
        var e = rounded.IndexOfAny(['e', 'E']);
        var exponent = int.Parse(rounded[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string text;
        if (exponent < precision && exponent >= -4)
        {
            text = value.ToString("F" + (precision - 1 - exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return alternate || !text.Contains('.') ? text : text.TrimEnd('0').TrimEnd('.');
        }

        if (alternate)
        {
            return rounded;
        }

        var mantissa = rounded[..e];
        if (mantissa.Contains('.'))
        {
            mantissa = mantissa.TrimEnd('0').TrimEnd('.');
        }

        return mantissa + rounded[e..];
    }
}
