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
        local.TryFormat(destination, out var written, timestamp.HasDate ? "yyyy-MM-dd HH:mm:ss.ffffff" : "HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        if (timestamp.Offset is { } offset)
        {
            var abs = offset.Duration();
            destination[written++] = offset < TimeSpan.Zero ? '-' : '+';
            written += TwoDigits(abs.Hours, destination[written..]);
            written += TwoDigits(abs.Minutes, destination[written..]);
        }

        return written;
    }

    /// <summary>Writes <see cref="Iso(DateTimeOffset)"/>'s text into <paramref name="destination"/> and returns its length.</summary>
    public static int FormatIso(DateTimeOffset instant, Span<char> destination)
    {
        instant.TryFormat(destination, out var written, "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>Writes <see cref="TimeOfDay"/>'s text into <paramref name="destination"/> and returns its length (0 when unknown).</summary>
    public static int FormatTimeOfDay(LogTimestamp? timestamp, Span<char> destination)
    {
        if (timestamp is not { } ts)
        {
            return 0;
        }

        ts.Local.TryFormat(destination, out var written, "HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return written;
    }

    private static int TwoDigits(int value, Span<char> destination)
    {
        value.TryFormat(destination, out var written, "00", CultureInfo.InvariantCulture);
        return written;
    }
}
