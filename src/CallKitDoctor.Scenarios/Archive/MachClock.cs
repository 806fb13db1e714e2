using CallKitDoctor.Scenarios.Composition;
using CallKitDoctor.Scenarios.Tracev3;

namespace CallKitDoctor.Scenarios.Archive;

/// <summary>
/// Maps wall-clock times of one boot to Mach continuous time with the iOS timebase 125/3 (ticks of 41.67 ns). Ticks
/// are rounded up, so converting back (truncating) gives the same microsecond.
/// </summary>
public sealed class MachClock
{
    public const uint Numerator = 125;
    public const uint Denominator = 3;

    public MachClock(DateTimeOffset boot) => Boot = boot;

    /// <summary>Wall time at Mach time 0.</summary>
    public DateTimeOffset Boot { get; }

    /// <summary>UTC nanoseconds since 1970 of <paramref name="time"/>.</summary>
    public static long UnixNanoseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    public ulong ToMachTime(DateTimeOffset time)
    {
        var ns = UnixNanoseconds(time) - UnixNanoseconds(Boot);
        if (ns <= 0)
        {
            return 0;
        }

        return (ulong)((((UInt128)(ulong)ns * Denominator) + Numerator - 1) / Numerator);
    }

    /// <summary>The wall time (UTC ns) a reader computes for <paramref name="machTime"/> from a sync record at Mach time 0.</summary>
    public long ToUnixNanoseconds(ulong machTime) => UnixNanoseconds(Boot) + (long)((UInt128)machTime * Numerator / Denominator);

    /// <summary>The header facts of a tracev3 file of <paramref name="device"/> started at <paramref name="machTime"/> on this clock.</summary>
    public TraceFileInfo FileStartedAt(ulong machTime, DeviceProfile device) => new()
    {
        ContinuousTime = machTime,
        WallClock = DateTimeOffset.FromUnixTimeMilliseconds(ToUnixNanoseconds(machTime) / 1_000_000),
        MinutesWest = device.MinutesWest,
        DaylightSavings = device.DaylightSavings,
        BuildVersion = device.BuildVersion,
        HardwareModel = device.HardwareModel,
        BootUuid = device.BootUuid,
        TimeZoneName = device.TimeZoneName,
    };
}
