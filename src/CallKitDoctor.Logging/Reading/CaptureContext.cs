namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// Facts about the device and capture that readers find along the way (crash-report headers, archive metadata,
/// tracev3 headers): shown at the top of every report.
/// </summary>
public sealed class CaptureContext
{
    /// <summary>Platform and version as printed, e.g. <c>iPhone OS 17.4.1</c>.</summary>
    public string? OsVersion { get; set; }

    /// <summary>OS build, e.g. <c>21E236</c>.</summary>
    public string? OsBuild { get; set; }

    /// <summary>Hardware model, e.g. <c>iPhone12,1</c>.</summary>
    public string? DeviceModel { get; set; }

    /// <summary>The app's name or bundle identifier when the capture names it.</summary>
    public string? AppName { get; set; }

    /// <summary>The app's version when the capture names it.</summary>
    public string? AppVersion { get; set; }

    /// <summary>When the capture was taken (sysdiagnose time, crash date).</summary>
    public DateTimeOffset? CaptureTime { get; set; }

    /// <summary>The device's time-zone name, when known.</summary>
    public string? TimeZoneName { get; set; }

    /// <summary>The platform, e.g. <c>iPhone OS</c> (sysdiagnose name, <c>SystemVersion.plist</c> ProductName).</summary>
    public string? Platform { get; set; }

    /// <summary>The kind of device named by the sysdiagnose file, e.g. <c>iPhone</c>, <c>iPad</c>.</summary>
    public string? DeviceClass { get; set; }

    /// <summary>The archive or folder the capture came from, when it is a sysdiagnose or logarchive.</summary>
    public string? ArchiveName { get; set; }

    /// <summary>The time each log store covers (earliest and latest entry), in store order; empty for text input.</summary>
    public IReadOnlyList<LogStoreWindow> StoreWindows { get; set; } = [];

    /// <summary>The boots seen in the log with their first and last entry, earliest first; empty for text input.</summary>
    public IReadOnlyList<BootSession> BootSessions { get; set; } = [];

    /// <summary>Fills every unset field from <paramref name="other"/>.</summary>
    public void MergeFrom(CaptureContext other)
    {
        OsVersion ??= other.OsVersion;
        OsBuild ??= other.OsBuild;
        DeviceModel ??= other.DeviceModel;
        AppName ??= other.AppName;
        AppVersion ??= other.AppVersion;
        CaptureTime ??= other.CaptureTime;
        TimeZoneName ??= other.TimeZoneName;
        Platform ??= other.Platform;
        DeviceClass ??= other.DeviceClass;
        ArchiveName ??= other.ArchiveName;
        if (StoreWindows.Count == 0)
        {
            StoreWindows = other.StoreWindows;
        }

        if (BootSessions.Count == 0)
        {
            BootSessions = other.BootSessions;
        }
    }
}
