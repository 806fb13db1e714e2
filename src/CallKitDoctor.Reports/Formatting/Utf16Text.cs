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
        SanitizeInPlace(chars.AsSpan(bad));
        return new string(chars);
    }

    /// <summary>Replaces each lone surrogate in <paramref name="chars"/> with U+FFFD, as <see cref="Sanitize"/> does.</summary>
    public static void SanitizeInPlace(Span<char> chars)
    {
        var bad = FirstLoneSurrogate(chars);
        if (bad < 0)
        {
            return;
        }

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
    }

    /// <summary>Whether <paramref name="span"/> holds a surrogate that is not half of a pair.</summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<char> span) => FirstLoneSurrogate(span) >= 0;

    private static int FirstLoneSurrogate(ReadOnlySpan<char> span)
    {
        // Almost all text has no surrogate at all: one vectorised search settles it.
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return -1;
        }

        for (var i = first; i < span.Length; i++)
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
