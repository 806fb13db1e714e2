namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Decides whether a line that is not an entry of its own continues the entry before it, for layouts where pasted text
/// mixes entries with other lines: the line is indented or starts with a closing bracket (dictionary dumps,
/// <c>CXTransaction</c> descriptions ending in <c>)&gt;</c>), or the line before ended with an opener (<c>{ ( [ = ,</c>)
/// or with <c>": "</c> (wrapped NSError text), or the line is an NSError after a line ending in ':'.
/// </summary>
internal static class ContinuationRule
{
    /// <summary>True when <paramref name="line"/> continues an entry whose last line is <paramref name="previousLine"/>.</summary>
    public static bool Continues(ReadOnlySpan<char> line, ReadOnlySpan<char> previousLine)
    {
        var c = line[0];
        if (c is ' ' or '\t' or ')' or '}' or ']' or '>')
        {
            return true;
        }

        if (previousLine.EndsWith(": ", StringComparison.Ordinal))
        {
            return true;
        }

        var trimmed = previousLine.TrimEnd();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        var last = trimmed[^1];
        return last is '{' or '(' or '[' or '=' or ',' ||
               (last == ':' && line.StartsWith("Error Domain=", StringComparison.Ordinal));
    }
}
