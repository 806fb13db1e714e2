using CallKitDoctor.Logging.Unified.Time;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// Where a logarchive (or a folder of tracev3 files, or one file) ends in time, from the files' headers alone: each
/// catalog chunk lists, per chunkset that follows it, the continuous time of its first and last event, so the latest
/// of those ends, put on the wall clock like the entries (timesync, else the header's clock), is the time of the last
/// entry. Only chunk preambles, header and catalog chunks are read; chunksets are skipped unread, so this costs a few
/// reads per megabyte instead of the whole walk <see cref="Filtering.Time.LogEnd"/> makes. The anchor of
/// <c>--last</c> on a capture taken in the past.
/// </summary>
public static class UnifiedLogEnd
{
    /// <summary>
    /// The latest catalogued event time over the tracev3 files under <paramref name="path"/> (or of that file); null
    /// when no file has a header and a catalog with a chunkset (the caller then reads the entries).
    /// </summary>
    public static DateTimeOffset? Find(string path, string? timesyncDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] files;
        string folder;
        try
        {
            if (Directory.Exists(path))
            {
                folder = path;
                files = Directory.EnumerateFiles(path, "*.tracev3", SearchOption.AllDirectories)
                    .Where(static f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal))
                    .ToArray();
            }
            else if (File.Exists(path))
            {
                folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
                files = [path];
            }
            else
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var timesync = TimesyncDatabase.FromDirectory(timesyncDirectory ?? Path.Combine(folder, "timesync"));
        DateTimeOffset? latest = null;
        foreach (var file in files)
        {
            if (FileEnd(file, timesync) is { } end && (latest is not { } l || end > l))
            {
                latest = end;
            }
        }

        return latest;
    }

    /// <summary>The latest catalogued event time of one file, or null (no header, no catalog, or unreadable).</summary>
    private static DateTimeOffset? FileEnd(string file, TimesyncDatabase timesync) =>
        CatalogTimes.Read(file, timesync) is { Last: { Instant: { } instant } } ? instant : null;
}
