using CallKitDoctor.Scenarios.Binary;

namespace CallKitDoctor.Scenarios.Time;

/// <summary>
/// Writes a timesync file: a boot record (0xBBB0, 48 bytes: boot UUID, timebase, boot wall time, time zone) followed
/// by sync records ("Ts", 32 bytes: Mach continuous time and the wall time at that instant).
/// </summary>
public sealed class TimesyncWriter
{
    private readonly ByteWriter _w = new();

    /// <summary>Starts a boot: its UUID, timebase and wall time (UTC ns since 1970), minutes west of UTC and DST flag.</summary>
    public TimesyncWriter Boot(Guid bootUuid, uint numerator, uint denominator, long bootWallNanoseconds, int minutesWest, bool daylightSavings)
    {
        _w.U16(0xBBB0).U16(48).U32(0).Uuid(bootUuid).U32(numerator).U32(denominator).I64(bootWallNanoseconds)
            .I32(minutesWest).U32(daylightSavings ? 1u : 0u);
        return this;
    }

    /// <summary>Adds a sync record: at Mach continuous time <paramref name="machTime"/> the wall clock read <paramref name="wallNanoseconds"/>.</summary>
    public TimesyncWriter Sync(ulong machTime, long wallNanoseconds, int minutesWest, bool daylightSavings)
    {
        _w.U16(0x7354).U16(32).U32(0).U64(machTime).I64(wallNanoseconds).I32(minutesWest).U32(daylightSavings ? 1u : 0u);
        return this;
    }

    public byte[] ToArray() => _w.ToArray();
}
