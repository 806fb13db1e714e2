namespace CallKitDoctor.Logging.Unified.Time;

/// <summary>
/// The boots of one or more timesync files, looked up by boot UUID (the last file read wins for a repeated boot).
/// </summary>
public sealed class TimesyncDatabase
{
    private readonly Dictionary<Guid, TimesyncBoot> _boots = [];

    /// <summary>Problems met in the files read.</summary>
    public UnifiedErrorLog Errors { get; } = new();

    /// <summary>Every boot, in no particular order.</summary>
    public IEnumerable<TimesyncBoot> Boots => _boots.Values;

    /// <summary>Adds the boots of one timesync file's bytes.</summary>
    public void Add(ReadOnlySpan<byte> data, string file)
    {
        foreach (var boot in TimesyncFile.Parse(data, file, Errors))
        {
            _boots[boot.BootUuid] = boot;
        }
    }

    /// <summary>Reads every <c>*.timesync</c> file of a folder (AppleDouble <c>._*</c> files skipped).</summary>
    public static TimesyncDatabase FromDirectory(string directory)
    {
        var db = new TimesyncDatabase();
        if (!Directory.Exists(directory))
        {
            return db;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.timesync").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path).StartsWith("._", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                db.Add(File.ReadAllBytes(path), path);
            }
            catch (IOException ex)
            {
                db.Errors.Add(UnifiedErrorKind.Truncated, path, 0, ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                db.Errors.Add(UnifiedErrorKind.Truncated, path, 0, ex.Message);
            }
        }

        return db;
    }

    /// <summary>The boot with this UUID, if any file had it.</summary>
    public bool TryGetBoot(Guid bootUuid, out TimesyncBoot boot) => _boots.TryGetValue(bootUuid, out boot!);
}
