using System.Globalization;

namespace CallKitDoctor.Diagnosis.Codes;

/// <summary>
/// An NSError domain and code as a message shows them: <c>Error Domain=D Code=N</c>, the localized
/// <c>(D error N.)</c>, or the NSError description form <c>(D:N)</c>.
/// </summary>
public readonly record struct ErrorReference(string Domain, int Code)
{
    /// <summary>The domain used for OSStatus values.</summary>
    public const string OsStatusDomain = "NSOSStatusErrorDomain";

    /// <summary>True when the code is an OSStatus (NSOSStatusErrorDomain, AVFAudio's domain, or the localized "OSStatus error N").</summary>
    public bool IsOsStatus =>
        Domain.Equals(OsStatusDomain, StringComparison.Ordinal) ||
        Domain.Equals("com.apple.coreaudio.avfaudio", StringComparison.Ordinal);

    /// <summary>Finds the first NSError reference in <paramref name="text"/>; never throws.</summary>
    public static bool TryFind(ReadOnlySpan<char> text, out ErrorReference reference)
    {
        return TryFindDomainEquals(text, out reference)
               || TryFindLocalized(text, out reference)
               || TryFindColonForm(text, out reference);
    }

    private static bool TryFindDomainEquals(ReadOnlySpan<char> text, out ErrorReference reference)
    {
        reference = default;
        const string domainMarker = "Error Domain=";
        var at = text.IndexOf(domainMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var rest = text[(at + domainMarker.Length)..];
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var domain = rest[..space];
        rest = rest[(space + 1)..];
        if (!rest.StartsWith("Code=", StringComparison.Ordinal) || !TryInteger(rest[5..], out var code))
        {
            return false;
        }

        reference = new ErrorReference(domain.ToString(), code);
        return true;
    }

    private static bool TryFindLocalized(ReadOnlySpan<char> text, out ErrorReference reference)
    {
        reference = default;
        const string marker = " error ";
        var start = 0;
        while (start < text.Length)
        {
            var at = text[start..].IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += start;
            start = at + marker.Length;
            var open = text[..at].LastIndexOf('(');
            if (open < 0 || !TryInteger(text[start..], out var code))
            {
                continue;
            }

            var domain = text[(open + 1)..at];
            if (domain.IsEmpty || domain.ContainsAny(' ', '\t', '\n')
                || (!domain.Contains('.') && !domain.Equals("OSStatus", StringComparison.Ordinal))
                || !FollowedByEnd(text[start..]))
            {
                continue;
            }

            var name = domain.Equals("OSStatus", StringComparison.Ordinal) ? OsStatusDomain : domain.ToString();
            reference = new ErrorReference(name, code);
            return true;
        }

        return false;
    }

    private static bool TryFindColonForm(ReadOnlySpan<char> text, out ErrorReference reference)
    {
        reference = default;
        const string marker = "ErrorDomain:";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var begin = at;
        while (begin > 0 && (char.IsAsciiLetterOrDigit(text[begin - 1]) || text[begin - 1] is '.' or '_'))
        {
            begin--;
        }

        var domainEnd = at + marker.Length - 1;
        if (!TryInteger(text[(domainEnd + 1)..], out var code))
        {
            return false;
        }

        reference = new ErrorReference(text[begin..domainEnd].ToString(), code);
        return true;
    }

    /// <summary>True when the integer at the start of <paramref name="text"/> is followed by <c>.)</c> or <c>)</c>.</summary>
    private static bool FollowedByEnd(ReadOnlySpan<char> text)
    {
        var end = text.Length > 0 && text[0] == '-' ? 1 : 0;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var rest = text[end..];
        return rest.StartsWith(".)", StringComparison.Ordinal) || rest.StartsWith(")", StringComparison.Ordinal);
    }

    private static bool TryInteger(ReadOnlySpan<char> text, out int value)
    {
        var end = 0;
        if (end < text.Length && text[end] == '-')
        {
            end++;
        }

        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (long.TryParse(text[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number is >= int.MinValue and <= uint.MaxValue)
        {
            value = unchecked((int)number);
            return true;
        }

        value = 0;
        return false;
    }
}
