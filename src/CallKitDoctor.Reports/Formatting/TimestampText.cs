using System.Globalization;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Reports.Formatting;

/// <summary>How the reports print timestamps: as <c>log</c> does, as ISO 8601 instants, or as a short time of day.</summary>
public static class TimestampText
{
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
}
