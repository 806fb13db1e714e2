using System.Buffers;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// Decides which members of a packed sysdiagnose or logarchive are spooled: the logarchive (tracev3, uuidtext, dsc,
/// timesync), <c>SystemVersion.plist</c>, crash reports in <c>crashes_and_spins/*.ips</c> and <c>logs/AVConference/</c>.
/// Everything else is skipped without being written.
/// </summary>
internal static class ArchiveMemberSelector
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    private static readonly HashSet<string> StoreFolders = new(StringComparer.Ordinal)
    {
        "Persist", "Special", "Signpost", "HighVolume", "timesync", "uuidtext", "dsc",
    };

    /// <summary>True when the member at <paramref name="relative"/> (already normalised) is needed.</summary>
    public static bool IsWanted(string relative)
    {
        var segments = relative.Split('/');
        var name = segments[^1];
        if (name.StartsWith("._", StringComparison.Ordinal))
        {
            return false;
        }

        if (name == "SystemVersion.plist")
        {
            return true;
        }

        for (var i = 0; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (segment.EndsWith(".logarchive", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (segment == "crashes_and_spins" && name.EndsWith(".ips", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (segment == "logs" && segments[i + 1] == "AVConference" && i + 2 < segments.Length)
            {
                return true;
            }
        }

        // A logarchive packed without its .logarchive folder: its store folders at the top or under one wrapper folder.
        for (var i = 0; i < Math.Min(2, segments.Length - 1); i++)
        {
            if (StoreFolders.Contains(segments[i]) || IsUuidTextFolder(segments[i], segments[i + 1]))
            {
                return true;
            }
        }

        return segments.Length <= 2 && name.EndsWith(".tracev3", StringComparison.Ordinal);
    }

    private static bool IsUuidTextFolder(string folder, string next) =>
        folder.Length == 2 && char.IsAsciiHexDigit(folder[0]) && char.IsAsciiHexDigit(folder[1]) &&
        next.Length == 30 && !next.AsSpan().ContainsAnyExcept(HexDigits);
}
