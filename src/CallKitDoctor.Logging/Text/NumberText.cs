using System.Globalization;

namespace CallKitDoctor.Logging.Text;

/// <summary>Reads the numbers log lines carry: decimal ids and <c>0x</c>-prefixed (or bare) hexadecimal thread ids.</summary>
internal static class NumberText
{
    /// <summary>Parses a decimal number of at most 18 digits; -1 when the text is not one.</summary>
    public static long ParseDecimal(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 18)
        {
            return -1;
        }

        long value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>Parses <c>0x1a2b</c> or a bare hexadecimal number (at most 16 digits).</summary>
    public static bool TryParseHex(ReadOnlySpan<char> text, out ulong value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        value = 0;
        return text.Length is > 0 and <= 16 &&
               ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A thread id written in hex (<c>0x1a2b3</c>) or decimal; null when neither.</summary>
    public static long? ParseThreadId(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseHex(text, out var hex) ? (long)hex : null;
        }

        var dec = ParseDecimal(text);
        return dec >= 0 ? dec : null;
    }

    /// <summary>Index of the first character after a run of spaces starting at <paramref name="index"/>.</summary>
    public static int SkipSpaces(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        return index;
    }

    /// <summary>Index of the next space (or the end) from <paramref name="index"/>.</summary>
    public static int TokenEnd(ReadOnlySpan<char> text, int index)
    {
        var space = text[index..].IndexOf(' ');
        return space < 0 ? text.Length : index + space;
    }
}
