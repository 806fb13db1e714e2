using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// Turns an os_log format string into a regular expression over its rendered message. Every specifier
/// (<c>%@</c>, <c>%{public}s</c>, <c>%d</c>, <c>%lu</c>, <c>%x</c>, <c>%p</c>, <c>%{BOOL}u</c>…) becomes a group
/// <c>aN</c> that also accepts redactions (<c>&lt;private&gt;</c>, <c>&lt;redacted&gt;</c>, <c>&lt;…&gt;</c>);
/// padded specifiers (<c>%25s:%-5d </c>) accept any padding, file name and line number.
/// </summary>
public sealed class FormatStringPattern
{
    /// <summary>Alternatives that stand for a redacted value.</summary>
    public const string Redaction = @"<private>|<redacted>|<…>|<\.\.\.>|<mask\.hash: '[^']*'>";

    private FormatStringPattern(string regex, IReadOnlyList<string> literals, int arguments)
    {
        Regex = regex;
        Literals = literals;
        Arguments = arguments;
    }

    /// <summary>The regular expression text (to be compiled with <see cref="RegexOptions.Singleline"/>).</summary>
    public string Regex { get; }

    /// <summary>The literal fragments every rendering contains verbatim (flexible padding excluded).</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>How many specifiers (arguments) the format has.</summary>
    public int Arguments { get; }

    /// <summary>The group name of argument <paramref name="n"/> (1-based).</summary>
    public static string ArgumentGroup(int n) => "a" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Builds the pattern of <paramref name="format"/>. Malformed specifiers are taken literally.</summary>
    public static FormatStringPattern Create(string format) => Create(format, captures: null);

    /// <summary>
    /// The same pattern as <see cref="Create(string)"/> where only the arguments <paramref name="captures"/> accepts
    /// keep their group; the others are non-capturing groups. Both regexes match the same messages at the same places
    /// and give the kept groups the same values (a group's capturing does not change how the engine backtracks), but a
    /// match of this one fills fewer groups: less to allocate for a signature that reads one argument of several.
    /// </summary>
    /// <param name="format">The os_log format string.</param>
    /// <param name="captures">Which arguments (1-based) keep their group; null keeps them all.</param>
    internal static FormatStringPattern Create(string format, Func<int, bool>? captures)
    {
        var tokens = Tokenize(format);
        var regex = new StringBuilder();
        var literals = new List<string>();
        var arguments = 0;
        var trimNextLiteral = false;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Literal is { } literal)
            {
                if (trimNextLiteral)
                {
                    literal = literal.TrimStart(' ', '\t');
                    trimNextLiteral = false;
                }

                if (t == 0 && literal.Length > 0 && (char.IsLetterOrDigit(literal[0]) || literal[0] == '_'))
                {
                    regex.Append(@"\b");
                }

                if (literal.Length > 0)
                {
                    literals.Add(literal);
                    regex.Append(System.Text.RegularExpressions.Regex.Escape(literal));
                }

                continue;
            }

            arguments++;
            var spec = token.Specifier;
            var group = ArgumentGroup(arguments);
            var padded = spec.Width > 0;
            if (t == 0)
            {
                // A leading argument starts at the beginning of the message or after white space, and is one token
                // (a file name, a tag): this keeps the unanchored search linear on long lines.
                regex.Append(@"(?<!\S)");
            }
            if (padded && !spec.LeftAlign)
            {
                regex.Append(@"[ \t]*");
            }

            var value = t == 0 && spec.Conversion is '@' or 's' or 'S'
                ? LeadingToken(t + 1 < tokens.Count ? tokens[t + 1].Literal : null)
                : ValuePattern(spec, isLast: t == tokens.Count - 1);
            if (captures is null || captures(arguments))
            {
                regex.Append("(?<").Append(group).Append('>');
            }
            else
            {
                regex.Append("(?:");
            }

            regex.Append(value).Append(')');
            if (padded && spec.LeftAlign)
            {
                regex.Append(@"[ \t]*");
                trimNextLiteral = true;
            }
        }

        return new FormatStringPattern(regex.ToString(), literals, arguments);
    }

    /// <summary>A leading argument is one token; it stops at the next literal's first character (the <c>:</c> of <c>%25s:%-5d</c>).</summary>
    private static string LeadingToken(string? nextLiteral) =>
        nextLiteral is { Length: > 0 } next && !char.IsWhiteSpace(next[0])
            ? @"[^\s" + System.Text.RegularExpressions.Regex.Escape(next[0].ToString()).Replace("]", @"\]", StringComparison.Ordinal) + "]+"
            : @"\S+";

    private static string ValuePattern(Specifier spec, bool isLast)
    {
        var annotation = spec.Annotation?.Trim().ToLowerInvariant();
        if (annotation is "bool")
        {
            return "YES|NO|true|false|0|1|" + Redaction;
        }

        var known = annotation is null or "public" or "private" or "sensitive" || annotation.StartsWith("public", StringComparison.Ordinal)
            || annotation.StartsWith("private", StringComparison.Ordinal);
        switch (spec.Conversion)
        {
            case 'd' or 'D' or 'i' or 'u' or 'U' or 'o' or 'O' when known:
                return @"-?\d+|" + Redaction;
            case 'x' or 'X' when known:
                return "(?:0x)?[0-9A-Fa-f]+|" + Redaction;
            case 'p' when known:
                return @"(?:0x)?[0-9A-Fa-f]+|NULL|\(null\)|" + Redaction;
            case 'f' or 'F' or 'e' or 'E' or 'g' or 'G' or 'a' or 'A' when known:
                return @"-?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|inf|nan)|" + Redaction;
            case 'c' or 'C' when known:
                return @"\S|" + Redaction;
        }

        if (spec.Width > 0)
        {
            return @"\S+";
        }

        return isLast ? ".*" : ".*?";
    }

    private static List<Token> Tokenize(string format)
    {
        var tokens = new List<Token>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c != '%')
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                literal.Append('%');
                i += 2;
                continue;
            }

            if (TryParseSpecifier(format, i, out var spec, out var next))
            {
                if (literal.Length > 0)
                {
                    tokens.Add(new Token(literal.ToString(), default));
                    literal.Clear();
                }

                tokens.Add(new Token(null, spec));
                i = next;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (literal.Length > 0)
        {
            tokens.Add(new Token(literal.ToString(), default));
        }

        return tokens;
    }

    private static bool TryParseSpecifier(string format, int start, out Specifier spec, out int next)
    {
        spec = default;
        next = start;
        var j = start + 1;
        string? annotation = null;
        if (j < format.Length && format[j] == '{')
        {
            var close = format.IndexOf('}', j);
            if (close < 0)
            {
                return false;
            }

            annotation = format[(j + 1)..close];
            j = close + 1;
        }

        var leftAlign = false;
        while (j < format.Length && format[j] is '-' or '+' or ' ' or '#' or '0' or '\'')
        {
            leftAlign |= format[j] == '-';
            j++;
        }

        var width = 0;
        while (j < format.Length && char.IsAsciiDigit(format[j]))
        {
            width = (width * 10) + (format[j] - '0');
            j++;
        }

        if (j < format.Length && format[j] == '*')
        {
            width = 1;
            j++;
        }

        if (j < format.Length && format[j] == '.')
        {
            j++;
            while (j < format.Length && (char.IsAsciiDigit(format[j]) || format[j] == '*'))
            {
                j++;
            }
        }

        while (j < format.Length && format[j] is 'h' or 'l' or 'q' or 'L' or 'z' or 't' or 'j')
        {
            j++;
        }

        if (j >= format.Length || !"@dDiuUxXoOpsScCfFeEgGaA".Contains(format[j], StringComparison.Ordinal))
        {
            return false;
        }

        spec = new Specifier(format[j], width, leftAlign, annotation);
        next = j + 1;
        return true;
    }

    private readonly record struct Specifier(char Conversion, int Width, bool LeftAlign, string? Annotation);

    // A class, so that the list of tokens uses the runtime's precompiled reference-type code.
    private sealed record Token(string? Literal, Specifier Specifier);
}
