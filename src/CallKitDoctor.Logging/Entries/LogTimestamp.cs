using System.Globalization;

namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// A log timestamp as the capture wrote it: the device's wall-clock time, its UTC offset when the capture shows one,
/// and nanoseconds below the 100 ns tick (binary logs keep nanoseconds; <c>log</c> prints microseconds).
/// Console.app copies show a time without a date: <see cref="HasDate"/> is then false and the date part is a placeholder
/// (0001-01-01, advanced by a day at each midnight rollover the reader sees).
/// </summary>
public readonly struct LogTimestamp : IEquatable<LogTimestamp>, IComparable<LogTimestamp>
{
    private readonly long _localTicks;
    private readonly short _offsetMinutes;
    private readonly byte _flags;
    private readonly byte _subTickNanoseconds;

    private const byte HasOffsetFlag = 1;
    private const byte HasDateFlag = 2;

    public LogTimestamp(DateTime local, TimeSpan? offset, bool hasDate = true, int subTickNanoseconds = 0)
    {
        if ((uint)subTickNanoseconds > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(subTickNanoseconds), "must be 0..99");
        }

        _localTicks = local.Ticks;
        _offsetMinutes = offset is { } o ? (short)o.TotalMinutes : (short)0;
        _flags = (byte)((offset.HasValue ? HasOffsetFlag : 0) | (hasDate ? HasDateFlag : 0));
        _subTickNanoseconds = (byte)subTickNanoseconds;
    }

    /// <summary>Builds a timestamp from nanoseconds since the Unix epoch (UTC) shown at the given offset.</summary>
    public static LogTimestamp FromUnixNanoseconds(long unixNanoseconds, TimeSpan offset)
    {
        var ticks = unixNanoseconds / 100;
        var sub = (int)(unixNanoseconds % 100);
        if (sub < 0)
        {
            sub += 100;
            ticks--;
        }

        var utc = DateTime.UnixEpoch.AddTicks(ticks);
        return new LogTimestamp(DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset, true, sub);
    }

    /// <summary>The wall-clock time as written (unspecified kind).</summary>
    public DateTime Local => new(_localTicks, DateTimeKind.Unspecified);

    /// <summary>The UTC offset the capture printed, if any.</summary>
    public TimeSpan? Offset => (_flags & HasOffsetFlag) != 0 ? TimeSpan.FromMinutes(_offsetMinutes) : null;

    /// <summary>False when the input showed a time of day without a date.</summary>
    public bool HasDate => (_flags & HasDateFlag) != 0;

    /// <summary>Nanoseconds below the 100 ns tick (0–99).</summary>
    public int SubTickNanoseconds => _subTickNanoseconds;

    /// <summary>The instant, when both date and offset are known.</summary>
    public DateTimeOffset? Instant => HasDate && Offset is { } o ? new DateTimeOffset(Local, o) : null;

    /// <summary>Ticks used for ordering: UTC ticks when the offset is known, local ticks otherwise.</summary>
    public long OrderingTicks => (_flags & HasOffsetFlag) != 0 ? _localTicks - (_offsetMinutes * TimeSpan.TicksPerMinute) : _localTicks;

    /// <summary>Time between two timestamps of one capture.</summary>
    public TimeSpan Subtract(LogTimestamp earlier) => TimeSpan.FromTicks(OrderingTicks - earlier.OrderingTicks);

    /// <summary>Returns this timestamp moved by <paramref name="delta"/> (day rollover in time-only captures).</summary>
    public LogTimestamp Add(TimeSpan delta) => new(Local + delta, Offset, HasDate, SubTickNanoseconds);

    /// <summary>
    /// Formats like <c>log show</c>: <c>2025-10-23 16:00:39.916170+1100</c> (microseconds); a time-only
    /// timestamp prints without the date.
    /// </summary>
    public override string ToString()
    {
        var local = Local;
        var text = HasDate
            ? local.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)
            : local.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return Offset is { } o ? text + FormatOffset(o) : text;
    }

    /// <summary>Formats an offset as <c>log</c> does: <c>+1100</c>, <c>-0400</c>.</summary>
    public static string FormatOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}{abs.Minutes:00}");
    }

    public bool Equals(LogTimestamp other) =>
        _localTicks == other._localTicks && _offsetMinutes == other._offsetMinutes && _flags == other._flags &&
        _subTickNanoseconds == other._subTickNanoseconds;

    public override bool Equals(object? obj) => obj is LogTimestamp other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_localTicks, _offsetMinutes, _flags, _subTickNanoseconds);

    public int CompareTo(LogTimestamp other)
    {
        var c = OrderingTicks.CompareTo(other.OrderingTicks);
        return c != 0 ? c : _subTickNanoseconds.CompareTo(other._subTickNanoseconds);
    }

    public static bool operator ==(LogTimestamp left, LogTimestamp right) => left.Equals(right);

    public static bool operator !=(LogTimestamp left, LogTimestamp right) => !left.Equals(right);

    public static bool operator <(LogTimestamp left, LogTimestamp right) => left.CompareTo(right) < 0;

    public static bool operator >(LogTimestamp left, LogTimestamp right) => left.CompareTo(right) > 0;

    public static bool operator <=(LogTimestamp left, LogTimestamp right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LogTimestamp left, LogTimestamp right) => left.CompareTo(right) >= 0;
}
