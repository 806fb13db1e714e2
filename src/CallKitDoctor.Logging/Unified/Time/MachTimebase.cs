namespace CallKitDoctor.Logging.Unified.Time;

/// <summary>
/// The ratio that turns Mach continuous-time ticks into nanoseconds (125/3 on iOS hardware, 1/1 on Intel Macs).
/// </summary>
public readonly record struct MachTimebase(uint Numerator, uint Denominator)
{
    /// <summary>1/1 (Intel Macs).</summary>
    public static MachTimebase Identity => new(1, 1);

    /// <summary>True when the ratio can be used (a zero denominator cannot).</summary>
    public bool IsValid => Numerator != 0 && Denominator != 0;

    /// <summary>Converts ticks to nanoseconds without overflow or floating-point rounding (truncates).</summary>
    public long ToNanoseconds(ulong ticks)
    {
        if (!IsValid)
        {
            return (long)Math.Min(ticks, long.MaxValue);
        }

        var ns = (UInt128)ticks * Numerator / Denominator;
        return ns > long.MaxValue ? long.MaxValue : (long)ns;
    }

    /// <summary>Converts a signed tick difference to nanoseconds.</summary>
    public long ToNanoseconds(long ticks) =>
        ticks >= 0 ? ToNanoseconds((ulong)ticks) : -ToNanoseconds(ticks == long.MinValue ? (ulong)long.MaxValue : (ulong)-ticks);

    public override string ToString() => $"{Numerator}/{Denominator}";
}
