namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// A <c>LIKE</c> pattern: <c>*</c> matches any run of characters (including none), <c>?</c> exactly one, and a
/// backslash makes the next character literal. Matching is linear in practice (greedy star with single backtrack point),
/// never exponential.
/// </summary>
public sealed class WildcardPattern
{
    private const char AnyRun = '\uE000';
    private const char AnyOne = '\uE001';

    private readonly string _pattern;
    private readonly bool _ignoreCase;

    public WildcardPattern(string pattern, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        var builder = new System.Text.StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(pattern[++i]);
            }
            else
            {
                builder.Append(c switch { '*' => AnyRun, '?' => AnyOne, _ => c });
            }
        }

        _pattern = builder.ToString();
    }

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        int p = 0, v = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < _pattern.Length && _pattern[p] == AnyRun)
            {
                starP = ++p;
                starV = v;
            }
            else if (p < _pattern.Length && (_pattern[p] == AnyOne || Same(_pattern[p], value[v])))
            {
                p++;
                v++;
            }
            else if (starP >= 0)
            {
                p = starP;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }

        while (p < _pattern.Length && _pattern[p] == AnyRun)
        {
            p++;
        }

        return p == _pattern.Length;
    }

    private bool Same(char a, char b) =>
        a == b || (_ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
