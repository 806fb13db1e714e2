namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Reads <c>process[pid]</c> and <c>process[pid:tid]</c> (tid decimal or hex), as NSLog, compact and syslog styles print them.
/// </summary>
internal static class ProcessBracket
{
    /// <summary>
    /// Finds the first <c>[pid]</c> or <c>[pid:tid]</c> group in <paramref name="text"/> (searching at most
    /// <paramref name="maxNameLength"/> characters for its '[') and reads the name before it.
    /// </summary>
    /// <returns>Characters used (through the closing bracket), or 0.</returns>
    public static int Parse(ReadOnlySpan<char> text, int maxNameLength, bool allowSpacesInName,
        out ReadOnlySpan<char> name, out int pid, out long? tid)
    {
        name = default;
        pid = 0;
        tid = null;
        var searchEnd = Math.Min(text.Length, maxNameLength + 1);
        var from = 0;
        while (from < searchEnd)
        {
            var open = text[from..searchEnd].IndexOf('[');
            if (open < 0)
            {
                return 0;
            }

            open += from;
            if (open > 0 && TryGroup(text, open, out pid, out tid, out var close))
            {
                name = text[..open];
                if (!allowSpacesInName && name.ContainsAny(' ', '\t'))
                {
                    return 0;
                }

                return close + 1;
            }

            from = open + 1;
        }

        return 0;
    }

    private static bool TryGroup(ReadOnlySpan<char> text, int open, out int pid, out long? tid, out int close)
    {
        pid = 0;
        tid = null;
        close = -1;
        var i = open + 1;
        var start = i;
        while (i < text.Length && i - start < 10 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == start || i >= text.Length)
        {
            return false;
        }

        var pidValue = NumberText.ParseDecimal(text[start..i]);
        if (pidValue is < 0 or > int.MaxValue)
        {
            return false;
        }

        if (text[i] == ':')
        {
            var tidStart = ++i;
            while (i < text.Length && i - tidStart < 18 && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            if (i == tidStart || i >= text.Length || text[i] != ']')
            {
                return false;
            }

            var digits = text[tidStart..i];
            var dec = NumberText.ParseDecimal(digits);
            tid = dec >= 0 ? dec : NumberText.TryParseHex(digits, out var hex) ? (long)hex : null;
        }
        else if (text[i] != ']')
        {
            return false;
        }

        pid = (int)pidValue;
        close = i;
        return true;
    }
}
