using System.Diagnostics.CodeAnalysis;

namespace CallKitDoctor.Logging.Filtering.Time;

/// <summary>
/// Reads a <c>--start</c>/<c>--end</c> time the way <c>log</c> writes them: <c>YYYY-MM-DD[ HH:MM[:SS[.ffffff]]][±HHMM]</c>
/// (a <c>T</c> may stand for the space; the offset may also be <c>±HH:MM</c> or <c>Z</c>). A time without an offset is a
/// wall-clock time in the given zone (the device's zone when the capture states it, else the local zone).
/// </summary>
public static class LogTimeArgument
{
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset value, [NotNullWhen(false)] out string? error) =>
        TryParse(text, zone, out value, out _, out error);

    /// <summary>As above; <paramref name="hasOffset"/> tells whether the text named its offset (or <c>Z</c>).</summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset value, out bool hasOffset, [NotNullWhen(false)] out string? error)
    {
        value = default;
        hasOffset = false;
        error = null;
        var s = (text ?? "").AsSpan().Trim();
        var pos = 0;
        if (!Digits(s, ref pos, 4, out var year) || !Expect(s, ref pos, '-') || !Digits(s, ref pos, 2, out var month) ||
            !Expect(s, ref pos, '-') || !Digits(s, ref pos, 2, out var day))
        {
            error = $"expected a date YYYY-MM-DD at position {pos} of '{text}'";
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        if (pos < s.Length && s[pos] is ' ' or 'T')
        {
            pos++;
            if (!Digits(s, ref pos, 2, out hour) || !Expect(s, ref pos, ':') || !Digits(s, ref pos, 2, out minute))
            {
                error = $"expected a time HH:MM at position {pos} of '{text}'";
                return false;
            }

            if (pos < s.Length && s[pos] == ':')
            {
                pos++;
                if (!Digits(s, ref pos, 2, out second))
                {
                    error = $"expected seconds SS at position {pos} of '{text}'";
                    return false;
                }

                if (pos < s.Length && s[pos] == '.')
                {
                    pos++;
                    var scale = (long)TimeSpan.TicksPerSecond;
                    var start = pos;
                    while (pos < s.Length && char.IsAsciiDigit(s[pos]) && pos - start < 9)
                    {
                        scale /= 10;
                        ticks += (s[pos] - '0') * scale;
                        pos++;
                    }

                    if (pos == start)
                    {
                        error = $"expected fractional seconds at position {pos} of '{text}'";
                        return false;
                    }
                }
            }
        }

        TimeSpan? offset = null;
        if (pos < s.Length)
        {
            if (!TryOffset(s, ref pos, out var parsed) || pos != s.Length)
            {
                error = $"expected an offset ±HHMM or the end at position {pos} of '{text}'";
                return false;
            }

            offset = parsed;
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            error = $"'{text}' is not a valid date and time";
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        hasOffset = offset.HasValue;
        value = new DateTimeOffset(local, offset ?? zone.GetUtcOffset(local));
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> s, ref int pos, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s[pos] is 'Z' or 'z')
        {
            pos++;
            return true;
        }

        if (s[pos] is not ('+' or '-'))
        {
            return false;
        }

        var sign = s[pos++] == '-' ? -1 : 1;
        if (!Digits(s, ref pos, 2, out var hours))
        {
            return false;
        }

        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
        }

        if (!Digits(s, ref pos, 2, out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = sign * new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int pos, int count, out int value)
    {
        value = 0;
        if (pos + count > s.Length)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var c = s[pos + i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        pos += count;
        return true;
    }

    private static bool Expect(ReadOnlySpan<char> s, ref int pos, char c)
    {
        if (pos < s.Length && s[pos] == c)
        {
            pos++;
            return true;
        }

        return false;
    }
}
