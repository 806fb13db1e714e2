using System.Globalization;
using System.Text.RegularExpressions;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// What the name of a file in a sysdiagnose's <c>logs/AVConference/</c> folder (avconferenced's
/// <c>Library/Caches/com.apple.VideoConference/logs/</c>) tells: the time the dump was started
/// (<c>…-20251023-160039-CallSettings.calldump.gz</c> is 2025-10-23 16:00:39, wall-clock time without a zone) and the
/// kind of dump (<c>CallSettings</c>), which becomes the entries' category.
/// </summary>
public sealed partial record AvConferenceFileName(DateTime? Started, string Kind, bool Compressed)
{
    /// <summary>Parses a file name; a name without the date keeps <see cref="Started"/> null and its stem as the kind.</summary>
    public static AvConferenceFileName Parse(string path)
    {
        var name = Path.GetFileName(path);
        var compressed = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var match = Pattern().Match(name);
        if (!match.Success)
        {
            var stem = compressed ? name[..^3] : name;
            var dot = stem.IndexOf('.', StringComparison.Ordinal);
            return new AvConferenceFileName(null, dot > 0 ? stem[..dot] : stem, compressed);
        }

        var started = DateTime.TryParseExact(match.Groups["stamp"].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : (DateTime?)null;
        return new AvConferenceFileName(started, match.Groups["kind"].Value, compressed);
    }

    /// <summary>True for the files this reader reads: call dumps and text logs, gzip-compressed or not.</summary>
    public static bool IsReadable(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith("._", StringComparison.Ordinal))
        {
            return false;
        }

        var plain = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        return plain.EndsWith(".calldump", StringComparison.OrdinalIgnoreCase) || plain.EndsWith(".log", StringComparison.OrdinalIgnoreCase) ||
            plain.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"(?<stamp>\d{8}-\d{6})-(?<kind>[A-Za-z][A-Za-z0-9_]*)\.[^/\\]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
