namespace CallKitDoctor.Scenarios.Tracev3;

/// <summary>The facts of a tracev3 header chunk.</summary>
public sealed record TraceFileInfo
{
    /// <summary>Timebase numerator (125 on iOS hardware).</summary>
    public uint TimebaseNumerator { get; init; } = 125;

    /// <summary>Timebase denominator (3 on iOS hardware).</summary>
    public uint TimebaseDenominator { get; init; } = 3;

    /// <summary>Mach continuous time when the file was started.</summary>
    public required ulong ContinuousTime { get; init; }

    /// <summary>Wall clock (UTC) when the file was started.</summary>
    public required DateTimeOffset WallClock { get; init; }

    /// <summary>Minutes west of UTC of the standard time (-600 for Sydney).</summary>
    public required int MinutesWest { get; init; }

    public required bool DaylightSavings { get; init; }

    public required string BuildVersion { get; init; }

    public required string HardwareModel { get; init; }

    public required Guid BootUuid { get; init; }

    /// <summary>The zone name (<c>Australia/Sydney</c>); stored as a zoneinfo path.</summary>
    public required string TimeZoneName { get; init; }

    public uint LogdProcessId { get; init; } = 41;
}
