namespace CallKitDoctor.Fleet.Analysis;

/// <summary>
/// Orders version-like text by its parts: numbers numerically, missing parts as 0 (18.4 &lt; 18.4.1 &lt; 18.5 &lt; 18.10),
/// other parts ordinally; null first. Any text works, so it also sorts non-version group values naturally.
/// </summary>
public sealed class VersionOrder : IComparer<string?>
{
    public static VersionOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var left = x.AsSpan();
        var right = y.AsSpan();
        while (!left.IsEmpty || !right.IsEmpty)
        {
            var a = NextPart(ref left);
            var b = NextPart(ref right);
            var order = ComparePart(a, b);
            if (order != 0)
            {
                return order;
            }
        }

        return string.CompareOrdinal(x, y);
    }

    private static ReadOnlySpan<char> NextPart(ref ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('.', '-', ' ');
        ReadOnlySpan<char> part;
        if (end < 0)
        {
            part = text;
            text = [];
        }
        else
        {
            part = text[..end];
            text = text[(end + 1)..];
        }

        return part;
    }

    private static int ComparePart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var aNumber = IsNumber(a);
        var bNumber = IsNumber(b);
        if (aNumber && bNumber)
        {
            var aTrimmed = a.TrimStart('0');
            var bTrimmed = b.TrimStart('0');
            return aTrimmed.Length != bTrimmed.Length
                ? aTrimmed.Length.CompareTo(bTrimmed.Length)
                : aTrimmed.SequenceCompareTo(bTrimmed);
        }

        // A missing part counts as 0; a number sorts before text (18.4 < 18.4-beta is not assumed: text after).
        if (a.IsEmpty && bNumber)
        {
            return b.TrimStart('0').IsEmpty ? 0 : -1;
        }

        if (b.IsEmpty && aNumber)
        {
            return a.TrimStart('0').IsEmpty ? 0 : 1;
        }

        if (aNumber != bNumber)
        {
            return aNumber ? -1 : 1;
        }

        return a.SequenceCompareTo(b);
    }

    private static bool IsNumber(ReadOnlySpan<char> part)
    {
        if (part.IsEmpty)
        {
            return false;
        }

        foreach (var c in part)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
