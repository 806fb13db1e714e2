namespace CallKitDoctor.Reports.Html;

/// <summary>The stylesheet and script inlined into every HTML report (embedded resources of this assembly).</summary>
internal static class HtmlAssets
{
    private static readonly Lazy<string> StyleText = new(() => Load("report.css"));
    private static readonly Lazy<string> ScriptText = new(() => Load("report.js"));

    public static string Style => StyleText.Value;

    public static string Script => ScriptText.Value;

    private static string Load(string name)
    {
        var resource = "CallKitDoctor.Reports.Html." + name;
        using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
