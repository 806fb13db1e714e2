namespace CallKitDoctor.Reports.Formatting;

/// <summary>Makes strings from logs safe to encode: a lone surrogate (torn UTF-16) becomes U+FFFD.</summary>
public static class Utf16Text
{
    /// <summary>The text itself when it is well-formed (no allocation), else a repaired copy.</summary>
    public static string Sanitize(string text)
    {
        var span = text.AsSpan();
        var bad = FirstLoneSurrogate(span);
        if (bad < 0)
        {
            return text;
        }

        var chars = span.ToArray();
        for (var i = bad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static int FirstLoneSurrogate(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
