using System.Reflection;

namespace CallKitDoctor.Reports.Rendering;

/// <summary>The name and version of the tool that wrote a report (the <c>tool</c> object of the JSON output).</summary>
public sealed record ToolInfo(string Name, string Version)
{
    /// <summary>The tool's command name.</summary>
    public const string CommandName = "callkit-doctor";

    /// <summary>This library's own version, for callers that do not name one.</summary>
    public static ToolInfo Default { get; } = For(typeof(ToolInfo).Assembly);

    /// <summary>The tool info of an assembly: its informational version without the source-revision suffix.</summary>
    public static ToolInfo For(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return new ToolInfo(CommandName, plus >= 0 ? version[..plus] : version);
    }
}
