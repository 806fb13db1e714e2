using System.Buffers;
using System.Text;

namespace CallKitDoctor.Reports.Html;

/// <summary>Encodes text from logs for HTML element content and attribute values.</summary>
internal static class HtmlText
{
    // What Encode changes: the five markup characters, carriage returns and the control characters other than \n and \t.
    private static readonly SearchValues<char> Changed = SearchValues.Create(
        "&<>\"'" + new string(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7f, 0x21)).Where(c => c is not '\n' and not '\t').Select(c => (char)c).ToArray()));

    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Most log text needs nothing: one vectorised search for a character to change, one for a surrogate.
        if (text.AsSpan().IndexOfAny(Changed) < 0 && !Formatting.Utf16Text.HasLoneSurrogate(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in Formatting.Utf16Text.Sanitize(text))
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
}
