namespace CallKitDoctor.Scenarios.Composition;

/// <summary>The phone a scenario is captured on: OS, build, hardware model, time zone and boot.</summary>
public sealed record DeviceProfile
{
    public string ProductName { get; init; } = "iPhone OS";

    public string ProductVersion { get; init; } = "18.4.1";

    public string BuildVersion { get; init; } = "22E252";

    /// <summary>Hardware model as the tracev3 header stores it.</summary>
    public string HardwareModel { get; init; } = "D83AP";

    /// <summary>The zone name (zoneinfo path under <c>/var/db/timezone/zoneinfo/</c>).</summary>
    public string TimeZoneName { get; init; } = "Australia/Sydney";

    /// <summary>Standard-time offset from UTC.</summary>
    public TimeSpan StandardOffset { get; init; } = TimeSpan.FromHours(10);

    /// <summary>True when daylight saving time is in effect during the capture.</summary>
    public bool DaylightSavings { get; init; } = true;

    /// <summary>The offset local times are shown in (standard plus one hour under DST).</summary>
    public TimeSpan UtcOffset => StandardOffset + (DaylightSavings ? TimeSpan.FromHours(1) : TimeSpan.Zero);

    /// <summary>Minutes west of UTC of the standard time, as tracev3 headers and timesync records store it.</summary>
    public int MinutesWest => -(int)StandardOffset.TotalMinutes;

    public Guid BootUuid { get; init; } = Guid.Parse("5F0C2E7A-3B1D-4C8E-9A41-6D2B7E90C315");

    /// <summary>How long before the first line the device booted.</summary>
    public TimeSpan UptimeAtFirstLine { get; init; } = TimeSpan.FromHours(30);
}
