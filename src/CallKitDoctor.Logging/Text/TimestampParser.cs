using System.Runtime.CompilerServices;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Parses the timestamps text captures print, without allocation: <c>2025-10-23 16:00:39.916170+1100</c>,
/// <c>2025-10-23T16:00:39Z</c>, <c>13:07:09.895463-0400</c>, <c>12:05:02.156382 +0530</c> (space before the offset),
/// <c>2016-10-13 16:13:46.096232</c> (no offset), <c>2025-10-23 16:00:39.916</c> (milliseconds).
/// </summary>
internal static class TimestampParser
{
    // The last date seen on this thread: consecutive lines almost always share it.
    [ThreadStatic]
    private static int t_lastDateKey;

    [ThreadStatic]
    private static long t_lastDateTicks;

    /// <summary>
    /// Parses a timestamp at the start of <paramref name="text"/>; returns the number of characters it used, or 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Parse(ReadOnlySpan<char> text, out TextTimestamp timestamp)
    {
        timestamp = default;
        var i = 0;
        long dateTicks = 0;
        var hasDate = false;
        if (text.Length >= 19 && IsDateAt(text))
        {
            var year = Digits(text, 0, 4);
            var month = Digits(text, 5, 2);
            var day = Digits(text, 8, 2);
            var key = (year * 10000) + (month * 100) + day;
            if (key != 0 && key == t_lastDateKey)
            {
                dateTicks = t_lastDateTicks;
            }
            else
            {
                if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    return 0;
                }

                dateTicks = new DateTime(year, month, day).Ticks;
                t_lastDateKey = key;
                t_lastDateTicks = dateTicks;
            }

            hasDate = true;
            i = 11;
        }

        if (!TryTime(text, i, out var timeTicks))
        {
            return 0;
        }

        i += 8;
        var subTick = 0;
        if (i + 1 < text.Length && text[i] is '.' or ',' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            long fraction = 0;
            var digits = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                if (digits < 7)
                {
                    fraction = (fraction * 10) + (text[i] - '0');
                }
                else if (digits < 9)
                {
                    subTick = (subTick * 10) + (text[i] - '0');
                }

                digits++;
                i++;
            }

            for (var d = digits; d < 7; d++)
            {
                fraction *= 10;
            }

            if (digits == 8)
            {
                subTick *= 10;
            }

            timeTicks += fraction;
        }

        TimeSpan? offset = null;
        if (i < text.Length)
        {
            var c = text[i];
            if (c == 'Z')
            {
                offset = TimeSpan.Zero;
                i++;
            }
            else if (c is '+' or '-')
            {
                var used = ParseOffset(text[i..], out var o);
                if (used > 0)
                {
                    offset = o;
                    i += used;
                }
            }
            else if (c == ' ' && i + 1 < text.Length && text[i + 1] is '+' or '-')
            {
                var used = ParseOffset(text[(i + 1)..], out var o);
                var end = i + 1 + used;
                if (used > 0 && (end == text.Length || text[end] is ' ' or '\t'))
                {
                    offset = o;
                    i = end;
                }
            }
        }

        timestamp = new TextTimestamp(dateTicks + timeTicks, hasDate, offset, subTick);
        return i;
    }

    /// <summary>Parses <c>HH:MM:SS</c> at <paramref name="start"/> into ticks of the time of day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryTime(ReadOnlySpan<char> text, int start, out long ticks)
    {
        ticks = 0;
        if (text.Length < start + 8 || text[start + 2] != ':' || text[start + 5] != ':' ||
            !AllDigits(text, start, 2) || !AllDigits(text, start + 3, 2) || !AllDigits(text, start + 6, 2))
        {
            return false;
        }

        var h = Digits(text, start, 2);
        var m = Digits(text, start + 3, 2);
        var s = Digits(text, start + 6, 2);
        if (h > 23 || m > 59 || s > 60)
        {
            return false;
        }

        ticks = (h * TimeSpan.TicksPerHour) + (m * TimeSpan.TicksPerMinute) + (Math.Min(s, 59) * TimeSpan.TicksPerSecond);
        return true;
    }

    /// <summary>Parses <c>+HHMM</c>, <c>-HH:MM</c> or <c>+HH</c>; returns characters used or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = default;
        if (text.Length < 3 || text[0] is not ('+' or '-') || !AllDigits(text, 1, 2))
        {
            return 0;
        }

        var hours = Digits(text, 1, 2);
        var minutes = 0;
        var used = 3;
        if (text.Length >= 5 && AllDigits(text, 3, 2))
        {
            minutes = Digits(text, 3, 2);
            used = 5;
        }
        else if (text.Length >= 6 && text[3] == ':' && AllDigits(text, 4, 2))
        {
            minutes = Digits(text, 4, 2);
            used = 6;
        }

        if (used < text.Length && char.IsAsciiDigit(text[used]))
        {
            return 0;
        }

        if (hours > 14 || minutes > 59)
        {
            return 0;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
        {
            offset = -offset;
        }

        return used;
    }

    private static bool IsDateAt(ReadOnlySpan<char> text) =>
        AllDigits(text, 0, 4) && text[4] == '-' && AllDigits(text, 5, 2) && text[7] == '-' && AllDigits(text, 8, 2) &&
        text[10] is ' ' or 'T';

    private static bool AllDigits(ReadOnlySpan<char> text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int Digits(ReadOnlySpan<char> text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }
}
