namespace CallKitDoctor.Logging.Unified.Time;

/// <summary>
/// A timesync boot record (48 bytes) and the sync records that follow it: how Mach continuous time of one boot maps
/// to wall-clock time.
/// </summary>
public sealed class TimesyncBoot
{
    public TimesyncBoot(
        Guid bootUuid,
        MachTimebase timebase,
        long bootTimeNanoseconds,
        int timeZoneOffsetMinutes,
        uint daylightSavings,
        IReadOnlyList<TimesyncRecord> records,
        long fileOffset)
    {
        BootUuid = bootUuid;
        Timebase = timebase;
        BootTimeNanoseconds = bootTimeNanoseconds;
        TimeZoneOffsetMinutes = timeZoneOffsetMinutes;
        DaylightSavings = daylightSavings;
        Records = records;
        FileOffset = fileOffset;
    }

    public Guid BootUuid { get; }

    public MachTimebase Timebase { get; }

    /// <summary>Wall-clock time of the boot (UTC nanoseconds since 1970; 0 when not set).</summary>
    public long BootTimeNanoseconds { get; }

    /// <summary>Minutes west of UTC as stored (300 = UTC-5).</summary>
    public int TimeZoneOffsetMinutes { get; }

    public uint DaylightSavings { get; }

    /// <summary>The sync records of this boot in file order (kernel time ascending).</summary>
    public IReadOnlyList<TimesyncRecord> Records { get; }

    /// <summary>Byte offset of the boot record in its file.</summary>
    public long FileOffset { get; }

    /// <summary>
    /// Wall-clock UTC nanoseconds for a Mach continuous time of this boot: the last sync record at or before it plus the
    /// converted difference (the first record, or the boot time, when the time precedes every record).
    /// </summary>
    public long ToUnixNanoseconds(ulong machTime)
    {
        if (Records.Count == 0)
        {
            return BootTimeNanoseconds + Timebase.ToNanoseconds(machTime);
        }

        var lo = 0;
        var hi = Records.Count - 1;
        var found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (Records[mid].KernelTime <= machTime)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var record = Records[found < 0 ? 0 : found];
        var delta = machTime >= record.KernelTime
            ? Timebase.ToNanoseconds(machTime - record.KernelTime)
            : -Timebase.ToNanoseconds(record.KernelTime - machTime);
        return record.WallTimeNanoseconds + delta;
    }
}
