namespace CallKitDoctor.Testing;

/// <summary>
/// Locates the read-only <c>../shared</c> material (the forum thread, the signature catalog, real log cases and
/// unified-log test files) beside the repository. Tests that need it skip with <see cref="MissingReason"/> when absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The shared folder, or null when it is not beside the repository.</summary>
    public static string? Directory => Root.Value;

    /// <summary>True when the shared folder is present.</summary>
    public static bool IsAvailable => Root.Value is not null;

    /// <summary>The message a skipped test shows.</summary>
    public const string MissingReason =
        "../shared is not beside the repository (it holds real logs and Apple test data, never copied into the project); skipping.";

    /// <summary>A path inside the shared folder (null when the folder is absent).</summary>
    public static string? PathOf(params string[] parts) =>
        Root.Value is { } root ? Path.Combine([root, .. parts]) : null;

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("CALLKIT_DOCTOR_SHARED");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env))
        {
            return env;
        }

        var repo = RepositoryRoot.Directory;
        var candidate = Path.GetFullPath(Path.Combine(repo, "..", "shared"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }
}
