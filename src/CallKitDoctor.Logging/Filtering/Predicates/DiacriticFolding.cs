namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// Removes diacritics the way a canonical (NFD) decomposition followed by dropping the combining marks would:
/// <c>é</c> → <c>e</c>, <c>Å</c> → <c>A</c>, <c>ệ</c> → <c>e</c>. The process runs with invariant globalization, where
/// <see cref="string.Normalize()"/> does not decompose, so the Latin letters' decompositions are held here as data
/// (derived from the Unicode decomposition mappings): for U+00C0–U+024F and U+1E00–U+1EFF, the ASCII base letter, or
/// '.' where the letter has no decomposition to an ASCII base (it is then kept). Combining marks already present in
/// the text are dropped.
/// </summary>
public static class DiacriticFolding
{
    private const string LatinBases =
        "AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.yAaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl....NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.................................Oo.............Uu............................AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa....AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............................";

    private const string LatinAdditionalBases =
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwy......AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......";

    /// <summary>Returns the text without diacritics; the same instance when there is nothing to fold (all ASCII, say).</summary>
    public static string Fold(string text)
    {
        var first = FirstFoldable(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length - CountMarks(text, first), (text, first), static (span, state) =>
        {
            var (source, start) = state;
            source.AsSpan(0, start).CopyTo(span);
            var written = start;
            for (var i = start; i < source.Length; i++)
            {
                var c = source[i];
                if (IsCombiningMark(c))
                {
                    continue;
                }

                span[written++] = BaseOf(c);
            }
        });
    }

    /// <summary>The base letter of one character (the character itself when it has none).</summary>
    public static char BaseOf(char c)
    {
        var mapped = c switch
        {
            >= '\u00C0' and <= '\u024F' => LatinBases[c - 0xC0],
            >= '\u1E00' and <= '\u1EFF' => LatinAdditionalBases[c - 0x1E00],
            _ => '.',
        };
        return mapped == '.' ? c : mapped;
    }

    private static int FirstFoldable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u00C0' && (IsCombiningMark(c) || BaseOf(c) != c))
            {
                return i;
            }
        }

        return -1;
    }

    private static int CountMarks(string text, int start)
    {
        var count = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (IsCombiningMark(text[i]))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsCombiningMark(char c) =>
        c is (>= '\u0300' and <= '\u036F') or (>= '\u1AB0' and <= '\u1AFF') or (>= '\u1DC0' and <= '\u1DFF')
            or (>= '\u20D0' and <= '\u20FF') or (>= '\uFE20' and <= '\uFE2F');
}
