namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Decoration lines people put between pasted log segments (<c>/*****/</c>, <c>=====</c>, <c>-----</c>): never an
/// entry and never a continuation; they count as unparsed lines.
/// </summary>
internal static class BannerLine
{
    /// <summary>True for a line made only of banner punctuation (at least three such characters).</summary>
    public static bool Is(ReadOnlySpan<char> line)
    {
        var marks = 0;
        foreach (var c in line)
        {
            if (c is '/' or '*' or '-' or '=' or '#' or '_' or '~' or '+')
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
}
