namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// Finds the logarchive to read under a sysdiagnose root: a <c>*.logarchive</c> folder (within four levels), preferring
/// a complete one over a stale <c>IN_PROGRESS_…</c> copy, then <c>system_logs.logarchive</c>, then the shallowest. When
/// no <c>*.logarchive</c> folder exists the root itself is read (a logarchive folder, or a folder of tracev3 files).
/// </summary>
internal static class LogArchiveLocator
{
    private const int MaxDepth = 4;

    /// <summary>The chosen logarchive folder and the candidates passed over.</summary>
    public static (string Folder, bool OnlyStale, IReadOnlyList<string> PassedOver) Find(string root)
    {
        var candidates = new List<string>();
        Collect(root, 0, candidates);
        if (candidates.Count == 0)
        {
            return (root, false, []);
        }

        var ordered = candidates
            .OrderBy(c => IsStale(root, c))
            .ThenBy(c => !string.Equals(Path.GetFileName(c), "system_logs.logarchive", StringComparison.OrdinalIgnoreCase))
            .ThenBy(c => c.Count(ch => ch == Path.DirectorySeparatorChar))
            .ThenBy(c => c, StringComparer.Ordinal)
            .ToList();
        return (ordered[0], IsStale(root, ordered[0]), ordered.Skip(1).ToList());
    }

    /// <summary>True when a folder on the way from <paramref name="root"/> to <paramref name="folder"/> is an <c>IN_PROGRESS_</c> copy.</summary>
    public static bool IsStale(string root, string folder)
    {
        var relative = Path.GetRelativePath(root, folder);
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar))
        {
            if (segment.StartsWith("IN_PROGRESS", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(string folder, int depth, List<string> found)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        IEnumerable<string> children;
        try
        {
            children = Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var child in children)
        {
            if (new DirectoryInfo(child).LinkTarget is not null)
            {
                continue;
            }

            if (child.EndsWith(".logarchive", StringComparison.OrdinalIgnoreCase))
            {
                found.Add(child);
            }
            else
            {
                Collect(child, depth + 1, found);
            }
        }
    }
}
