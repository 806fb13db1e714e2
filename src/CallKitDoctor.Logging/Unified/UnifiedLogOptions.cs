namespace CallKitDoctor.Logging.Unified;

/// <summary>Where a <see cref="UnifiedLogSource"/> finds the files beside the tracev3 files.</summary>
public sealed class UnifiedLogOptions
{
    /// <summary>The uuidtext folder (with <c>XX/</c> sub folders and <c>dsc/</c>); default: found under the input folder.</summary>
    public string? StringsDirectory { get; init; }

    /// <summary>The timesync folder; default: <c>timesync/</c> under the input folder.</summary>
    public string? TimesyncDirectory { get; init; }
}
