using System.Text;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// Finds the literal runs every match of a regular expression must contain: text at the top level of the pattern,
/// outside groups, classes and optional quantifiers. Conservative: returns nothing for a pattern with a top-level
/// alternation or inline case-insensitivity.
/// </summary>
public static class RegexLiteralRuns
{
    public static IReadOnlyList<string> Find(string pattern)
    {
        var runs = new List<string>();
        var run = new StringBuilder();
        var depth = 0;
        var lastWasLiteral = false;

        void Flush()
        {
            if (run.Length > 0)
            {
                runs.Add(run.ToString());
                run.Clear();
            }

            lastWasLiteral = false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '(' && pattern.AsSpan(i).StartsWith("(?i", StringComparison.Ordinal))
            {
                return [];
            }

            if (depth > 0)
            {
                switch (c)
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        i = SkipClass(pattern, i);
                        break;
                    case '(':
                        depth++;
                        break;
                    case ')':
                        depth--;
                        break;
                }

                continue;
            }

            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    var e = pattern[i + 1];
                    if (char.IsAsciiLetterOrDigit(e))
                    {
                        Flush();
                        i = SkipEscape(pattern, i);
                    }
                    else
                    {
                        run.Append(e);
                        lastWasLiteral = true;
                        i++;
                    }

                    break;
                case '[':
                    Flush();
                    i = SkipClass(pattern, i);
                    break;
                case '(':
                    Flush();
                    depth++;
                    break;
                case '|':
                    return [];
                case '.' or '^' or '$' or ')':
                    Flush();
                    break;
                case '*' or '?':
                    if (lastWasLiteral && run.Length > 0)
                    {
                        run.Length--;
                    }

                    Flush();
                    break;
                case '+':
                    Flush();
                    break;
                case '{' when IsQuantifier(pattern, i, out var close):
                    if (lastWasLiteral && run.Length > 0)
                    {
                        run.Length--;
                    }

                    Flush();
                    i = close;
                    break;
                default:
                    run.Append(c);
                    lastWasLiteral = true;
                    break;
            }
        }

        Flush();
        return runs;
    }

    private static int SkipClass(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == ']')
            {
                return i;
            }
        }

        return pattern.Length;
    }

    private static int SkipEscape(string pattern, int backslash)
    {
        var i = backslash + 1;
        var kind = pattern[i];
        if (kind is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{')
        {
            var close = pattern.IndexOf('}', i);
            return close < 0 ? pattern.Length : close;
        }

        if (kind == 'k' && i + 1 < pattern.Length && pattern[i + 1] is '<' or '\'')
        {
            var close = pattern.IndexOfAny(['>', '\''], i + 2);
            return close < 0 ? pattern.Length : close;
        }

        return kind switch
        {
            'x' => i + 2,
            'u' => i + 4,
            'c' => i + 1,
            _ => i,
        };
    }

    private static bool IsQuantifier(string pattern, int open, out int close)
    {
        close = pattern.IndexOf('}', open);
        if (close < 0)
        {
            return false;
        }

        var body = pattern.AsSpan(open + 1, close - open - 1);
        if (body.IsEmpty || !char.IsAsciiDigit(body[0]))
        {
            return false;
        }

        foreach (var ch in body)
        {
            if (!char.IsAsciiDigit(ch) && ch != ',')
            {
                return false;
            }
        }

        return true;
    }
}
