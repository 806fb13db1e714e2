using System.Text;

namespace CallKitDoctor.Reports.Markdown;

/// <summary>Escaping for text from logs placed into Markdown.</summary>
internal static class MarkdownText
{
    /// <summary>Text safe inside a table cell: one line, pipes and Markdown punctuation escaped.</summary>
    public static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#':
                    builder.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Inline text (a paragraph): Markdown punctuation escaped, line breaks kept as spaces.</summary>
    public static string Inline(string text) => Cell(text);

    /// <summary>A code fence longer than any run of backticks in <paramref name="content"/>.</summary>
    public static string FenceFor(string content)
    {
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
