using System.Buffers;

namespace CallKitDoctor.Reports.Markdown;

/// <summary>Escaping for text from logs placed into Markdown.</summary>
internal static class MarkdownText
{
    // The characters Cell changes: Markdown punctuation (escaped), line breaks and tabs (spaces), other controls (dropped).
    private static readonly SearchValues<char> Changed = SearchValues.Create(
        "|\\`*_[]<>#" + new string(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7f, 0x21)).Select(c => (char)c).ToArray()));

    /// <summary>Text safe inside a table cell: one line, pipes and Markdown punctuation escaped.</summary>
    public static string Cell(string text)
    {
        if (text.AsSpan().IndexOfAny(Changed) < 0)
        {
            return text;
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteCell(writer, text);
        return writer.ToString();
    }

    /// <summary>Writes <see cref="Cell"/>'s text for <paramref name="text"/> to <paramref name="output"/>, without building it.</summary>
    public static void WriteCell(TextWriter output, ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAny(Changed);
        while (at >= 0)
        {
            output.Write(text[..at]);
            var c = text[at];
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    output.Write(' ');
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#':
                    output.Write('\\');
                    output.Write(c);
                    break;
                default:
                    // Another control character: dropped.
                    break;
            }

            text = text[(at + 1)..];
            at = text.IndexOfAny(Changed);
        }

        output.Write(text);
    }

    /// <summary>Inline text (a paragraph): Markdown punctuation escaped, line breaks kept as spaces.</summary>
    public static string Inline(string text) => Cell(text);

    /// <summary>A code fence longer than any run of backticks in <paramref name="content"/>.</summary>
    public static string FenceFor(string content)
    {
        if (!content.Contains('`', StringComparison.Ordinal))
        {
            return "```";
        }

        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}
