using CallKitDoctor.Reports.Rendering;

namespace CallKitDoctor.Cli.Output;

/// <summary>The <c>--format</c> values.</summary>
internal static class ReportFormatNames
{
    private static readonly (string Name, ReportFormat Format)[] Table =
    [
        ("text", ReportFormat.Text),
        ("json", ReportFormat.Json),
        ("markdown", ReportFormat.Markdown),
        ("html", ReportFormat.Html),
    ];

    public static string[] All { get; } = Table.Select(t => t.Name).ToArray();

    public static ReportFormat Parse(string name) =>
        Table.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } hit
            ? hit.Format
            : ReportFormat.Text;
}
