using System.Globalization;
using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>Turns captured text into typed <see cref="CallEvent"/> values. Redactions never yield a value.</summary>
public static class CapturedValueParser
{
    private static readonly string[] UuidMarkers = ["callUUID=", "uuidString = ", "uuidString=", "callUUID = "];

    /// <summary>
    /// A call UUID: after <c>callUUID=</c> / <c>uuidString = </c>, or the whole text when it is a UUID. A transaction
    /// or action UUID (<c>UUID=</c> alone) is not a call UUID and is ignored.
    /// </summary>
    public static Guid? CallUuid(ReadOnlySpan<char> text)
    {
        foreach (var marker in UuidMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && TryGuidAt(text[(at + marker.Length)..], out var guid))
            {
                return guid;
            }
        }

        var trimmed = text.Trim();
        return trimmed.Length == 36 && Guid.TryParseExact(trimmed, "D", out var whole) ? whole : null;
    }

    /// <summary>The first CXAction class named in the text (<c>&lt;CXAnswerCallAction …&gt;</c>, <c>performAnswerCallAction</c>), and <c>onHold=</c> for holds.</summary>
    public static (CallActionType? Action, bool? OnHold) Action(ReadOnlySpan<char> text)
    {
        var best = -1;
        CallActionType? action = null;
        foreach (var (name, type) in ActionNames)
        {
            var at = text.IndexOf(name, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
                action = type;
            }
        }

        bool? onHold = null;
        var hold = text.IndexOf("onHold=", StringComparison.Ordinal);
        if (hold >= 0 && hold + 7 < text.Length)
        {
            onHold = text[hold + 7] switch { '1' or 'Y' or 't' => true, '0' or 'N' or 'f' => false, _ => null };
        }

        return (action, onHold);
    }

    /// <summary>An activation flag: 1/YES/true/Activated → true; 0/NO/false/Deactivated/"in" (going inactive) → false.</summary>
    public static bool? Active(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        foreach (var word in TrueWords)
        {
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var word in FalseWords)
        {
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return null;
    }

    /// <summary>An audio session id: the first <c>0x…</c> hex number in the text (<c>0x0</c>, <c>sid:0x78587</c>).</summary>
    public static uint? SessionId(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf("0x", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            var trimmed = text.Trim();
            return trimmed.Length is > 0 and <= 8 && uint.TryParse(trimmed, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bare)
                ? bare
                : null;
        }

        var digits = text[(at + 2)..];
        var end = 0;
        while (end < digits.Length && char.IsAsciiHexDigit(digits[end]))
        {
            end++;
        }

        return end is > 0 and <= 8 && uint.TryParse(digits[..end], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>A process id: the first run of digits.</summary>
    public static int? ProcessId(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && !char.IsAsciiDigit(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end > start && int.TryParse(text[start..end], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool TryGuidAt(ReadOnlySpan<char> text, out Guid guid)
    {
        guid = default;
        return text.Length >= 36 && Guid.TryParseExact(text[..36], "D", out guid);
    }

    private static readonly string[] TrueWords = ["1", "YES", "true", "Activated", "active"];

    private static readonly string[] FalseWords = ["0", "NO", "false", "Deactivated", "inactive", "in"];

    private static readonly (string Name, CallActionType Type)[] ActionNames =
    [
        ("AnswerCallAction", CallActionType.Answer),
        ("StartCallAction", CallActionType.Start),
        ("EndCallAction", CallActionType.End),
        ("SetHeldCallAction", CallActionType.SetHeld),
        ("SetMutedCallAction", CallActionType.SetMuted),
        ("SetGroupCallAction", CallActionType.SetGroup),
        ("PlayDTMFCallAction", CallActionType.PlayDtmf),
    ];
}
