namespace CallKitDoctor.Logging.Archives;

/// <summary>Limits for reading packed archives.</summary>
public sealed class ArchiveOptions
{
    /// <summary>Default cap on the bytes spooled to the temporary folder (8 GiB).</summary>
    public const long DefaultMaxSpoolBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>The most bytes written to the temporary folder; members beyond it are skipped with an issue.</summary>
    public long MaxSpoolBytes { get; init; } = DefaultMaxSpoolBytes;

    /// <summary>Where the private temporary folder is created; default: the system temp folder.</summary>
    public string? TempParent { get; init; }
}
