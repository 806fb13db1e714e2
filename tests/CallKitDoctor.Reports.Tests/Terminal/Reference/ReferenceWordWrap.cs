namespace CallKitDoctor.Reports.Tests.Terminal.Reference;

/// <summary>The session 8 word wrap (reference copy). Wraps text at spaces to a width (long words are cut), so wrapped lines can keep their indentation.</summary>
internal static class ReferenceWordWrap
{
    /// <summary>The lines of <paramref name="text"/>; the first may be narrower (a label precedes it). Existing line breaks are kept.</summary>
    public static IEnumerable<string> Lines(string text, int width, int firstLineWidth)
    {
        width = Math.Max(width, 10);
        var limit = Math.Max(firstLineWidth, 10);
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var rest = paragraph.AsMemory().TrimEnd();
            if (rest.IsEmpty)
            {
                yield return string.Empty;
                limit = width;
                continue;
            }

            while (rest.Length > limit)
            {
                var span = rest.Span;
                var cut = span[..(limit + 1)].LastIndexOf(' ');
                if (cut <= 0)
                {
                    cut = limit;
                    if (char.IsHighSurrogate(span[cut - 1]))
                    {
                        cut--;
                    }
                }

                yield return span[..cut].TrimEnd().ToString();
                rest = rest[cut..].TrimStart();
                limit = width;
            }

            yield return rest.ToString();
            limit = width;
        }
    }
}
