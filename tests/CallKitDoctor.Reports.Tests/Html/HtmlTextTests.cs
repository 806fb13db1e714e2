using System.Text;
using CallKitDoctor.Reports.Formatting;
using CallKitDoctor.Reports.Html;
using CallKitDoctor.Reports.Tones;

namespace CallKitDoctor.Reports.Tests.Html;

/// <summary>The HTML encoding with its no-change fast path equals the encoding of session 8 (kept here as the reference).</summary>
public class HtmlTextTests
{
    private static string Reference(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in Utf16Text.Sanitize(text))
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\n' or '\t': builder.Append(c); break;
                case '\r': break;
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

    [Fact]
    public void EncodingMatchesTheReference()
    {
        var random = new Random(5);
        var alphabet = "ab <>&\"'\r\n\t\u0001\u007f\u0085\u00a0é\uD83D\uDE00\uD800\uDC00".ToCharArray();
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 25)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Reference(text), HtmlText.Encode(text));
        }

        for (var c = '\0'; c < '\u0400'; c++)
        {
            Assert.Equal(Reference(c.ToString()), HtmlText.Encode(c.ToString()));
        }
    }

    [Fact]
    public void ToneClassesAreTheToneNamesInLowerCase()
    {
        foreach (var tone in Enum.GetValues<Tone>())
        {
            Assert.Equal(tone.ToString().ToLowerInvariant(), ToneClasses.Of(tone));
        }
    }
}
