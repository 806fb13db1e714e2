using System.Diagnostics.CodeAnalysis;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Time;

/// <summary>
/// The <c>--timezone local|UTC|NAME</c> choice for printing: converts timestamps that carry an instant to the wall
/// clock and offset of the chosen zone (IANA names such as <c>Australia/Sydney</c>; Windows names where the OS knows them).
/// </summary>
public sealed class DisplayTimeZone
{
    private DisplayTimeZone(TimeZoneInfo zone, string name)
    {
        Zone = zone;
        Name = name;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The name as given (<c>local</c>, <c>UTC</c>, <c>Europe/Paris</c>).</summary>
    public string Name { get; }

    public static DisplayTimeZone Utc { get; } = new(TimeZoneInfo.Utc, "UTC");

    public static DisplayTimeZone Local => new(TimeZoneInfo.Local, "local");

    public static bool TryParse(string? name, [NotNullWhen(true)] out DisplayTimeZone? zone, [NotNullWhen(false)] out string? error)
    {
        zone = null;
        error = null;
        var trimmed = (name ?? "").Trim();
        if (trimmed.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            zone = Local;
            return true;
        }

        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            zone = Utc;
            return true;
        }

        if (trimmed.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var found))
        {
            zone = new DisplayTimeZone(found, trimmed);
            return true;
        }

        error = $"unknown time zone '{name}' (expected local, UTC or a zone name such as America/Los_Angeles)";
        return false;
    }

    /// <summary>The same instant shown in this zone; a timestamp without a known instant is returned unchanged.</summary>
    public LogTimestamp Convert(LogTimestamp timestamp)
    {
        if (timestamp.Instant is not { } instant)
        {
            return timestamp;
        }

        var converted = TimeZoneInfo.ConvertTime(instant, Zone);
        return new LogTimestamp(converted.DateTime, converted.Offset, true, timestamp.SubTickNanoseconds);
    }
}
