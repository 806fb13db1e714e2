using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified.Time;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// Turns the mach times of one tracev3 file into timestamps: the boot's timesync records when the timesync folder has
/// the file's boot, else the header's wall clock; shown at the header's UTC offset. The boot and offset are looked up
/// once per file, not per entry.
/// </summary>
internal readonly struct FileClock
{
    private readonly TimesyncBoot? _boot;
    private readonly TimeSpan _offset;

    public FileClock(TraceHeader? header, TimesyncDatabase timesync)
    {
        Header = header;
        _boot = header is not null && timesync.TryGetBoot(header.BootUuid, out var boot) ? boot : null;
        _offset = header is null
            ? TimeSpan.Zero
            : TimeSpan.FromMinutes(Math.Clamp(-header.TimeZoneOffsetMinutes + (header.DaylightSavings != 0 ? 60 : 0), -1080, 1080));
    }

    /// <summary>The header the clock was made from (null when the file has none yet).</summary>
    public TraceHeader? Header { get; }

    /// <summary>The timestamp of a mach time (null when the file has no header).</summary>
    public LogTimestamp? ToTimestamp(ulong machTime)
    {
        if (Header is null)
        {
            return null;
        }

        var ns = _boot is not null ? _boot.ToUnixNanoseconds(machTime) : Header.FallbackUnixNanoseconds(machTime);
        // Every 64-bit nanosecond count lies within DateTime's range.
        return LogTimestamp.FromUnixNanoseconds(ns, _offset);
    }
}
