namespace CallKitDoctor.Testing;

/// <summary>Finds the repository root (the folder holding <c>CallKitDoctor.slnx</c>) from the test's output folder.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The repository root.</summary>
    public static string Directory => Root.Value;

    /// <summary>A path inside the repository.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallKitDoctor.slnx")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException("CallKitDoctor.slnx not found above " + AppContext.BaseDirectory);
    }
}
