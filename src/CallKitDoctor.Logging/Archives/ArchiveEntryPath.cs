namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// Checks a member name from a tar or zip before anything is written for it: absolute paths, drive letters,
/// <c>..</c> segments and NUL characters are refused; <c>.</c> and empty segments are dropped.
/// </summary>
internal static class ArchiveEntryPath
{
    /// <summary>Normalises <paramref name="name"/> to a relative path with <c>/</c> separators, or says why it is refused.</summary>
    public static bool TryNormalize(string name, out string relative, out string? problem)
    {
        relative = string.Empty;
        problem = null;
        if (string.IsNullOrEmpty(name))
        {
            problem = "empty member name";
            return false;
        }

        if (name.Contains('\0', StringComparison.Ordinal))
        {
            problem = "member name contains a NUL character";
            return false;
        }

        var unified = name.Replace('\\', '/');
        if (unified.StartsWith('/') || (unified.Length >= 2 && char.IsAsciiLetter(unified[0]) && unified[1] == ':'))
        {
            problem = "absolute member path";
            return false;
        }

        var kept = new List<string>();
        foreach (var segment in unified.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                problem = "member path climbs out with '..'";
                return false;
            }

            kept.Add(segment);
        }

        if (kept.Count == 0)
        {
            problem = "member name has no file name";
            return false;
        }

        relative = string.Join('/', kept);
        return true;
    }
}
