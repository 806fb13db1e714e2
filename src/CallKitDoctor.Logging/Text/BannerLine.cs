namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Decoration lines people put between pasted log segments (<c>/*****/</c>, <c>=====</c>,
/// <c>/********** FIRST INCOMING CALL ***********/</c>): never an entry and never a continuation; they count as
/// unparsed lines.
/// </summary>
internal static class BannerLine
{
    /// <summary>
    /// True for a line made only of banner punctuation (at least three such characters), or a line framed by it on both
    /// sides (two marks at each end).
    /// </summary>
    public static bool Is(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length >= 4 && IsMark(trimmed[0]) && IsMark(trimmed[1]) && IsMark(trimmed[^1]) && IsMark(trimmed[^2]))
        {
            return true;
        }

        var marks = 0;
        foreach (var c in trimmed)
        {
            if (IsMark(c))
            {
                marks++;
            }
            else if (c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return marks >= 3;
    }

    private static bool IsMark(char c) => c is '/' or '*' or '-' or '=' or '#' or '_' or '~' or '+';
}
