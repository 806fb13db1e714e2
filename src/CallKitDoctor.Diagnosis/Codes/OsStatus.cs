using System.Globalization;

namespace CallKitDoctor.Diagnosis.Codes;

/// <summary>
/// An OSStatus value as logs spell it: <c>561017449</c>, <c>'!pri'</c>, <c>!pri</c>, <c>0x21707269</c>, <c>-50</c>,
/// <c>OSStatus error 561017449</c>, <c>Code=561017449</c>, <c>NSOSStatusErrorDomain:-50</c>, <c>"error_code":-12983</c>.
/// </summary>
public readonly record struct OsStatus(int Value)
{
    /// <summary>
    /// The four-character code the value spells when its four big-endian bytes are printable ASCII
    /// (561017449 → <c>!pri</c>), else null.
    /// </summary>
    public string? FourCharCode
    {
        get
        {
            var value = unchecked((uint)Value);
            Span<char> chars = stackalloc char[4];
            for (var i = 0; i < 4; i++)
            {
                var b = (value >> (8 * (3 - i))) & 0xFF;
                if (b is < 0x20 or > 0x7E)
                {
                    return null;
                }

                chars[i] = (char)b;
            }

            return new string(chars);
        }
    }

    /// <summary>The table entry for this code, or null when it is not a known CallKit-relevant code.</summary>
    public OsStatusDescription? Description => OsStatusTable.Find(Value);

    /// <summary>The short name (<c>InsufficientPriority</c>), or null when unknown.</summary>
    public string? Name => Description?.Name;

    /// <summary>True when the value is in the table, spells a printable FourCC, or is negative (classic OSStatus).</summary>
    public bool IsPlausible => Description is not null || FourCharCode is not null || Value < 0;

    /// <summary>Builds the value a four-character code spells (<c>!pri</c> → 561017449).</summary>
    public static bool TryFromFourCharCode(ReadOnlySpan<char> code, out OsStatus status)
    {
        status = default;
        if (code.Length != 4)
        {
            return false;
        }

        uint value = 0;
        foreach (var c in code)
        {
            if (c is < (char)0x20 or > (char)0x7E)
            {
                return false;
            }

            value = (value << 8) | c;
        }

        status = new OsStatus(unchecked((int)value));
        return true;
    }

    /// <summary>
    /// Parses one spelling of an OSStatus: decimal (signed, or unsigned up to 2^32-1), <c>0x</c> hex, a quoted or bare
    /// FourCC, optionally after a prefix such as <c>OSStatus error</c>, <c>Code=</c> or <c>NSOSStatusErrorDomain:</c>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out OsStatus status)
    {
        status = default;
        text = StripPrefix(text.Trim());
        text = text.TrimEnd(".)");
        if (text.IsEmpty)
        {
            return false;
        }

        if (text.Length == 6 && text[0] == '\'' && text[5] == '\'')
        {
            return TryFromFourCharCode(text[1..5], out status);
        }

        if (text.Length > 2 && text[0] == '0' && (text[1] is 'x' or 'X'))
        {
            if (uint.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                status = new OsStatus(unchecked((int)hex));
                return true;
            }

            return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            if (number is < int.MinValue or > uint.MaxValue)
            {
                return false;
            }

            status = new OsStatus(unchecked((int)number));
            return true;
        }

        return text.Length == 4 && TryFromFourCharCode(text, out status);
    }

    /// <summary>
    /// Finds an OSStatus inside a longer message (<c>(OSStatus error 561017449.)</c>, <c>failed: '!pri' (enable 3…</c>,
    /// <c>Error Domain=NSOSStatusErrorDomain Code=561017449</c>, <c>"error_code":-12983</c>, <c>error = -50</c>).
    /// Markers that are not OSStatus-specific (<c>failed:</c>, <c>error =</c>, <c>Code=</c>) only yield plausible values.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<char> text, out OsStatus status)
    {
        foreach (var (marker, strict) in Markers)
        {
            var start = 0;
            while (start < text.Length)
            {
                var at = text[start..].IndexOf(marker, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                var after = start + at + marker.Length;
                if (TryParse(Token(text[after..]), out status) && (strict || status.IsPlausible))
                {
                    return true;
                }

                start = after;
            }
        }

        status = default;
        return false;
    }

    public override string ToString()
    {
        var name = Name is { } n ? " " + n : "";
        return FourCharCode is { } fourCc
            ? $"{Value.ToString(CultureInfo.InvariantCulture)} ('{fourCc}'){name}"
            : Value.ToString(CultureInfo.InvariantCulture) + name;
    }

    private static readonly (string Marker, bool Strict)[] Markers =
    [
        ("OSStatus error ", true),
        ("NSOSStatusErrorDomain Code=", true),
        ("NSOSStatusErrorDomain:", true),
        ("com.apple.coreaudio.avfaudio Code=", true),
        ("\"error_code\":", true),
        ("failed: ", false),
        ("error = ", false),
        ("Error: ", false),
        ("Code=", false),
    ];

    private static readonly string[] Prefixes =
    [
        "OSStatus error ", "OSStatus ", "NSOSStatusErrorDomain Code=", "NSOSStatusErrorDomain:", "Code=", "\"error_code\":",
    ];

    private static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> text)
    {
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return text[prefix.Length..].TrimStart();
            }
        }

        return text;
    }

    /// <summary>The value token at the start of <paramref name="text"/>: a quoted FourCC or a run of sign/hex/digit characters.</summary>
    private static ReadOnlySpan<char> Token(ReadOnlySpan<char> text)
    {
        if (text.Length >= 6 && text[0] == '\'' && text[5] == '\'')
        {
            return text[..6];
        }

        var end = 0;
        while (end < text.Length && (char.IsAsciiHexDigit(text[end]) || text[end] is '-' or 'x' or 'X'))
        {
            end++;
        }

        return text[..end];
    }
}
