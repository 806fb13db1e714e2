using System.Text;
using CallKitDoctor.Reports.Markdown;

namespace CallKitDoctor.Reports.Tests.Markdown;

/// <summary>The cell escaping written piece by piece equals the escaping of session 8 (a character loop, kept here as the reference).</summary>
public class MarkdownTextTests
{
    private static string ReferenceCell(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is '\r' or '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [Fact]
    public void CellsMatchTheReferenceOnRandomText()
    {
        var random = new Random(11);
        var alphabet = "ab |\\`*_[]<>#\r\n\t\u0001\u001b\u007f\u0085\u009f\u00a0é\uD800-".ToCharArray();
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var expected = ReferenceCell(text);
            Assert.Equal(expected, MarkdownText.Cell(text));
            using var writer = new StringWriter();
            MarkdownText.WriteCell(writer, text);
            Assert.Equal(expected, writer.ToString());
        }
    }

    [Fact]
    public void EveryCharacterIsEscapedDroppedOrKeptAsBefore()
    {
        for (var c = '\0'; c < '\u0400'; c++)
        {
            Assert.Equal(ReferenceCell(c.ToString()), MarkdownText.Cell(c.ToString()));
        }
    }

    [Fact]
    public void FencesOutgrowBacktickRuns()
    {
        Assert.Equal("```", MarkdownText.FenceFor("no ticks"));
        Assert.Equal("````", MarkdownText.FenceFor("a ``` b ` c"));
        Assert.Equal("``````", MarkdownText.FenceFor("`````"));
    }
}
