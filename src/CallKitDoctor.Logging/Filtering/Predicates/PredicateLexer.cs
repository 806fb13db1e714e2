using System.Globalization;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// Splits a predicate into tokens. Keywords and operators are case-insensitive; strings take double or single quotes
/// with backslash escapes (<c>\n \t \r \0 \\ \" \' \uXXXX</c>; any other escaped character keeps its backslash so that
/// regular expressions such as <c>"\d+"</c> survive); numbers are decimal, <c>0x</c> hex, <c>0o</c> octal or <c>0b</c> binary.
/// </summary>
internal static class PredicateLexer
{
    /// <summary>Longest predicate accepted (a guard against absurd inputs; real ones are a few hundred characters).</summary>
    public const int MaxLength = 1 << 16;

    public static bool TryTokenize(string text, List<PredicateToken> tokens, out PredicateError? error)
    {
        error = null;
        if (text.Length > MaxLength)
        {
            error = new PredicateError(MaxLength, "a shorter predicate", $"predicate longer than {MaxLength} characters");
            return false;
        }

        var pos = 0;
        while (true)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (pos >= text.Length)
            {
                tokens.Add(new PredicateToken(PredicateTokenKind.End, text.Length, 0));
                return true;
            }

            var start = pos;
            var c = text[pos];
            PredicateToken token;
            if (char.IsAsciiLetter(c) || c == '_' || c == '$' || c == '#')
            {
                token = ReadWord(text, ref pos);
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
            {
                if (!TryReadNumber(text, ref pos, out token, out error))
                {
                    return false;
                }
            }
            else if (c is '"' or '\'')
            {
                if (!TryReadString(text, ref pos, out token, out error))
                {
                    return false;
                }
            }
            else if (c == '[')
            {
                if (!TryReadOptions(text, ref pos, out token, out error))
                {
                    return false;
                }
            }
            else if (!TryReadPunctuation(text, ref pos, out token, out error))
            {
                return false;
            }

            tokens.Add(token with { Position = start, Length = pos - start });
        }
    }

    private static PredicateToken ReadWord(string text, ref int pos)
    {
        var start = pos;
        if (text[pos] == '#')
        {
            pos++;
        }

        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '_' or '$' or '.'))
        {
            pos++;
        }

        var word = text.AsSpan(start, pos - start);
        if (word.Length > 1 && word[0] == '#')
        {
            // '#' escapes a reserved word so that it reads as a name.
            return new PredicateToken(PredicateTokenKind.Identifier, start, 0, word[1..].ToString());
        }

        return Keyword(word) ?? new PredicateToken(PredicateTokenKind.Identifier, start, 0, word.ToString());
    }

    private static PredicateToken? Keyword(ReadOnlySpan<char> word)
    {
        static bool Is(ReadOnlySpan<char> w, string k) => w.Equals(k, StringComparison.OrdinalIgnoreCase);
        static PredicateToken Op(ComparisonOperator op) => new(PredicateTokenKind.Comparison, 0, 0, Operator: op);

        if (Is(word, "AND")) return new PredicateToken(PredicateTokenKind.And, 0, 0);
        if (Is(word, "OR")) return new PredicateToken(PredicateTokenKind.Or, 0, 0);
        if (Is(word, "NOT")) return new PredicateToken(PredicateTokenKind.Not, 0, 0);
        if (Is(word, "BEGINSWITH")) return Op(ComparisonOperator.BeginsWith);
        if (Is(word, "ENDSWITH")) return Op(ComparisonOperator.EndsWith);
        if (Is(word, "CONTAINS")) return Op(ComparisonOperator.Contains);
        if (Is(word, "LIKE")) return Op(ComparisonOperator.Like);
        if (Is(word, "MATCHES")) return Op(ComparisonOperator.Matches);
        if (Is(word, "IN")) return Op(ComparisonOperator.In);
        if (Is(word, "TRUE") || Is(word, "YES")) return new PredicateToken(PredicateTokenKind.True, 0, 0);
        if (Is(word, "FALSE") || Is(word, "NO")) return new PredicateToken(PredicateTokenKind.False, 0, 0);
        if (Is(word, "TRUEPREDICATE")) return new PredicateToken(PredicateTokenKind.TruePredicate, 0, 0);
        if (Is(word, "FALSEPREDICATE")) return new PredicateToken(PredicateTokenKind.FalsePredicate, 0, 0);
        return null;
    }

    private static bool TryReadNumber(string text, ref int pos, out PredicateToken token, out PredicateError? error)
    {
        var start = pos;
        var negative = text[pos] == '-';
        if (negative)
        {
            pos++;
        }

        var radix = 10;
        if (text[pos] == '0' && pos + 1 < text.Length && char.ToLowerInvariant(text[pos + 1]) is 'x' or 'o' or 'b')
        {
            radix = char.ToLowerInvariant(text[pos + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            pos += 2;
        }

        var digitsStart = pos;
        Int128 value = 0;
        var overflow = false;
        while (pos < text.Length && char.IsAsciiHexDigit(text[pos]))
        {
            var digit = HexValue(text[pos]);
            if (digit >= radix)
            {
                break;
            }

            if (!overflow)
            {
                value = value * radix + digit;
                overflow = value > ulong.MaxValue;
            }

            pos++;
        }

        token = default;
        error = null;
        if (pos == digitsStart)
        {
            error = PredicateError.Expecting(pos, radix switch { 16 => "a hexadecimal digit", 8 => "an octal digit", _ => "a binary digit" });
            return false;
        }

        if (overflow)
        {
            error = PredicateError.Expecting(start, "a number no larger than 18446744073709551615");
            return false;
        }

        if (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '_' or '.'))
        {
            error = PredicateError.Expecting(pos, "an integer (digits only)", $"in '{text[start..Math.Min(text.Length, pos + 1)]}'");
            return false;
        }

        token = new PredicateToken(PredicateTokenKind.Number, start, 0, Number: negative ? -value : value);
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a') + 10;

    private static bool TryReadString(string text, ref int pos, out PredicateToken token, out PredicateError? error)
    {
        var start = pos;
        var quote = text[pos++];
        var builder = new System.Text.StringBuilder();
        token = default;
        error = null;
        while (pos < text.Length)
        {
            var c = text[pos++];
            if (c == quote)
            {
                token = new PredicateToken(PredicateTokenKind.String, start, 0, builder.ToString());
                return true;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (pos >= text.Length)
            {
                break;
            }

            var escaped = text[pos++];
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '0': builder.Append('\0'); break;
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case '\'': builder.Append('\''); break;
                case 'u':
                    if (pos + 4 > text.Length ||
                        !int.TryParse(text.AsSpan(pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        error = PredicateError.Expecting(pos, "four hexadecimal digits after '\\u'");
                        return false;
                    }

                    builder.Append((char)code);
                    pos += 4;
                    break;
                default:
                    builder.Append('\\').Append(escaped);
                    break;
            }
        }

        error = PredicateError.Expecting(text.Length, $"a closing {quote} for the string starting at position {start}");
        return false;
    }

    private static bool TryReadOptions(string text, ref int pos, out PredicateToken token, out PredicateError? error)
    {
        pos++;
        var options = StringOptions.None;
        token = default;
        error = null;
        while (pos < text.Length && text[pos] != ']')
        {
            switch (char.ToLowerInvariant(text[pos]))
            {
                case 'c': options |= StringOptions.CaseInsensitive; break;
                case 'd': options |= StringOptions.DiacriticInsensitive; break;
                default:
                    error = PredicateError.Expecting(pos, "a comparison option c, d or cd");
                    return false;
            }

            pos++;
        }

        if (pos >= text.Length)
        {
            error = PredicateError.Expecting(pos, "']' closing the comparison options");
            return false;
        }

        pos++;
        token = new PredicateToken(PredicateTokenKind.Options, 0, 0, Options: options);
        return true;
    }

    private static bool TryReadPunctuation(string text, ref int pos, out PredicateToken token, out PredicateError? error)
    {
        var c = text[pos];
        var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
        error = null;
        (PredicateTokenKind kind, ComparisonOperator op, int length) = (c, next) switch
        {
            ('(', _) => (PredicateTokenKind.LeftParen, default(ComparisonOperator), 1),
            (')', _) => (PredicateTokenKind.RightParen, default, 1),
            ('{', _) => (PredicateTokenKind.LeftBrace, default, 1),
            ('}', _) => (PredicateTokenKind.RightBrace, default, 1),
            (',', _) => (PredicateTokenKind.Comma, default, 1),
            ('&', '&') => (PredicateTokenKind.And, default, 2),
            ('|', '|') => (PredicateTokenKind.Or, default, 2),
            ('=', '=') => (PredicateTokenKind.Comparison, ComparisonOperator.Equal, 2),
            ('=', '<') => (PredicateTokenKind.Comparison, ComparisonOperator.LessThanOrEqual, 2),
            ('=', '>') => (PredicateTokenKind.Comparison, ComparisonOperator.GreaterThanOrEqual, 2),
            ('=', _) => (PredicateTokenKind.Comparison, ComparisonOperator.Equal, 1),
            ('!', '=') => (PredicateTokenKind.Comparison, ComparisonOperator.NotEqual, 2),
            ('!', _) => (PredicateTokenKind.Not, default, 1),
            ('<', '>') => (PredicateTokenKind.Comparison, ComparisonOperator.NotEqual, 2),
            ('<', '=') => (PredicateTokenKind.Comparison, ComparisonOperator.LessThanOrEqual, 2),
            ('<', _) => (PredicateTokenKind.Comparison, ComparisonOperator.LessThan, 1),
            ('>', '=') => (PredicateTokenKind.Comparison, ComparisonOperator.GreaterThanOrEqual, 2),
            ('>', _) => (PredicateTokenKind.Comparison, ComparisonOperator.GreaterThan, 1),
            _ => (PredicateTokenKind.End, default, 0),
        };

        token = default;
        if (length == 0)
        {
            error = c switch
            {
                '&' => PredicateError.Expecting(pos, "'&&'"),
                '|' => PredicateError.Expecting(pos, "'||'"),
                _ => PredicateError.Expecting(pos, "a key, operator, value or parenthesis", $"instead of '{c}'"),
            };
            return false;
        }

        pos += length;
        token = new PredicateToken(kind, 0, 0, Operator: op);
        return true;
    }
}
