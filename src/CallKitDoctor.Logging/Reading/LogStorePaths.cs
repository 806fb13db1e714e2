namespace CallKitDoctor.Logging.Reading;

/// <summary>Which log store a tracev3 file belongs to, from its path (the folder it sits in, or the live-data name).</summary>
public static class LogStorePaths
{
    /// <summary>The file name of the live data a logarchive keeps beside its store folders.</summary>
    public const string LiveDataFileName = "logdata.LiveData.tracev3";

    /// <summary>
    /// The store of a tracev3 file by the folder it sits in (<c>…/Persist/0000000000000f85.tracev3</c>), or
    /// <see cref="LogStoreKind.LiveData"/> for <c>logdata.LiveData.tracev3</c>; null when the path is not a tracev3 file.
    /// </summary>
    public static LogStoreKind? KindOf(string? path)
    {
        if (path is null || !path.EndsWith(".tracev3", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = Path.GetFileName(path.AsSpan());
        if (name.Equals(LiveDataFileName, StringComparison.OrdinalIgnoreCase))
        {
            return LogStoreKind.LiveData;
        }

        return FolderKind(Path.GetFileName(Path.GetDirectoryName(path.AsSpan())));
    }

    /// <summary>The store a logarchive folder name stands for (<c>Persist</c>, <c>Special</c>, …); any other folder is <see cref="LogStoreKind.Other"/>.</summary>
    public static LogStoreKind FolderKind(ReadOnlySpan<char> folder) => folder switch
    {
        "Persist" => LogStoreKind.Persist,
        "Special" => LogStoreKind.Special,
        "Signpost" => LogStoreKind.Signpost,
        "HighVolume" => LogStoreKind.HighVolume,
        _ => LogStoreKind.Other,
    };

    /// <summary>
    /// True for the stores that hold every ordinary (default, error, fault) line: Persist, the live data and tracev3
    /// files outside the store folders. Special, Signpost and HighVolume hold only some processes', signposts' or
    /// subsystems' lines and often reach further back, so they do not show that an ordinary line was not logged.
    /// </summary>
    public static bool HoldsOrdinaryLines(LogStoreKind kind) =>
        kind is LogStoreKind.Persist or LogStoreKind.LiveData or LogStoreKind.Other;
}
