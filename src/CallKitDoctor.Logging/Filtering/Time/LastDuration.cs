using System.Diagnostics.CodeAnalysis;

namespace CallKitDoctor.Logging.Filtering.Time;

/// <summary>
/// Reads a <c>--last</c> interval: a whole number followed by <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c>
/// (<c>30s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>); a bare number is seconds, as with <c>log</c>.
/// </summary>
public static class LastDuration
{
    public static bool TryParse(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        duration = default;
        error = null;
        var s = (text ?? "").AsSpan().Trim();
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > 9)
        {
            error = $"expected a number of seconds, minutes, hours or days such as 30s, 5m, 2h or 1d, not '{text}'";
            return false;
        }

        var amount = long.Parse(s[..digits], provider: System.Globalization.CultureInfo.InvariantCulture);
        var unit = s[digits..];
        long? seconds = unit switch
        {
            "" or "s" or "S" => amount,
            "m" or "M" => amount * 60,
            "h" or "H" => amount * 3600,
            "d" or "D" => amount * 86400,
            _ => null,
        };

        if (seconds is null || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            error = $"expected a unit s, m, h or d after {amount} in '{text}'";
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds.Value);
        return true;
    }
}
