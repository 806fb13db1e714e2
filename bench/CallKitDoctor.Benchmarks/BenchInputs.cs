namespace CallKitDoctor.Benchmarks;

/// <summary>Locates the repository's samples for the benchmarks.</summary>
public static class BenchInputs
{
    /// <summary>The production-failure sample's lines (the flow the benchmarks repeat).</summary>
    public static string[] ProductionFlow() => File.ReadAllLines(Sample("seed-production-failure.log"));

    /// <summary>A file under <c>samples/</c>, found by walking up from the working directory or the binary.</summary>
    public static string Sample(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("samples/" + name + " not found above the working directory");
    }
}
