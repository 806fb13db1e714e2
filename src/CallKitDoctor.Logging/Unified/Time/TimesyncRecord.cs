namespace CallKitDoctor.Logging.Unified.Time;

/// <summary>
/// One timesync sync record ("Ts", 32 bytes): at Mach continuous time <see cref="KernelTime"/> the wall clock read
/// <see cref="WallTimeNanoseconds"/> (UTC, nanoseconds since 1970).
/// </summary>
public readonly record struct TimesyncRecord(
    uint Flags,
    ulong KernelTime,
    long WallTimeNanoseconds,
    int TimeZoneOffsetMinutes,
    uint DaylightSavings);
