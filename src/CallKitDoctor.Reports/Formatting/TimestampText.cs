using System.Globalization;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Reports.Formatting;

/// <summary>How the reports print timestamps: as <c>log</c> does, as ISO 8601 instants, or as a short time of day.</summary>
public static class TimestampText
{
    /// <summary>The room the span formatters below need at most.</summary>
    public const int MaxLength = 40;

    /// <summary>As <c>log show</c> prints it: <c>2025-10-23 16:00:39.916170+1100</c>; empty when unknown.</summary>
    public static string Log(LogTimestamp? timestamp) => timestamp?.ToString() ?? string.Empty;

    /// <summary>ISO 8601 with microseconds and offset (<c>2025-10-23T16:00:39.916170+11:00</c>), or null when the instant is unknown.</summary>
    public static string? Iso(LogTimestamp? timestamp) =>
        timestamp?.Instant is { } instant ? Iso(instant) : null;

    /// <summary>ISO 8601 with microseconds and offset.</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>The time of day with microseconds (<c>16:00:39.916170</c>), for timelines; empty when unknown.</summary>
    public static string TimeOfDay(LogTimestamp? timestamp) =>
        timestamp is { } ts ? ts.Local.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>Writes <see cref="Log"/>'s text into <paramref name="destination"/> (<see cref="MaxLength"/> characters) and returns its length.</summary>
    public static int FormatLog(LogTimestamp timestamp, Span<char> destination)
    {
        var local = timestamp.Local;
        var at = 0;
        if (timestamp.HasDate)
        {
            at = Date(local, destination, ' ');
        }

        at += Time(local, destination[at..]);
        if (timestamp.Offset is { } offset)
        {
            var abs = offset.Duration();
            destination[at++] = offset < TimeSpan.Zero ? '-' : '+';
            Digits(abs.Hours, destination.Slice(at, 2));
            Digits(abs.Minutes, destination.Slice(at + 2, 2));
            at += 4;
        }

        return at;
    }

    /// <summary>Writes <see cref="Iso(DateTimeOffset)"/>'s text into <paramref name="destination"/> and returns its length.</summary>
    public static int FormatIso(DateTimeOffset instant, Span<char> destination)
    {
        var at = Date(instant.DateTime, destination, 'T');
        at += Time(instant.DateTime, destination[at..]);
        var offset = instant.Offset;
        var abs = offset.Duration();
        destination[at] = offset < TimeSpan.Zero ? '-' : '+';
        Digits(abs.Hours, destination.Slice(at + 1, 2));
        destination[at + 3] = ':';
        Digits(abs.Minutes, destination.Slice(at + 4, 2));
        return at + 6;
    }

    /// <summary>Writes <see cref="TimeOfDay"/>'s text into <paramref name="destination"/> and returns its length (0 when unknown).</summary>
    public static int FormatTimeOfDay(LogTimestamp? timestamp, Span<char> destination) =>
        timestamp is { } ts ? Time(ts.Local, destination) : 0;

    /// <summary><c>yyyy-MM-dd</c> and <paramref name="separator"/>: 11 characters.</summary>
    private static int Date(DateTime value, Span<char> destination, char separator)
    {
        Digits(value.Year, destination[..4]);
        destination[4] = '-';
        Digits(value.Month, destination.Slice(5, 2));
        destination[7] = '-';
        Digits(value.Day, destination.Slice(8, 2));
        destination[10] = separator;
        return 11;
    }

    /// <summary><c>HH:mm:ss.ffffff</c>: 15 characters.</summary>
    private static int Time(DateTime value, Span<char> destination)
    {
        Digits(value.Hour, destination[..2]);
        destination[2] = ':';
        Digits(value.Minute, destination.Slice(3, 2));
        destination[5] = ':';
        Digits(value.Second, destination.Slice(6, 2));
        destination[8] = '.';
        Digits((int)(value.Ticks % TimeSpan.TicksPerSecond / 10), destination.Slice(9, 6));
        return 15;
    }

    /// <summary>Writes <paramref name="value"/> in exactly <c>destination.Length</c> decimal digits, zero-padded.</summary>
    private static void Digits(int value, Span<char> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
