using CallKitDoctor.Reports.Html;
using CallKitDoctor.Reports.Json;
using CallKitDoctor.Reports.Markdown;
using CallKitDoctor.Reports.Terminal;

namespace CallKitDoctor.Reports.Rendering;

/// <summary>Creates the renderer for a format.</summary>
public static class ReportRenderers
{
    public static IReportRenderer Create(ReportFormat format, RenderOptions? options = null)
    {
        options ??= new RenderOptions();
        return format switch
        {
            ReportFormat.Json => new JsonReportRenderer(options),
            ReportFormat.Markdown => new MarkdownReportRenderer(options),
            ReportFormat.Html => new HtmlReportRenderer(options),
            _ => new TerminalReportRenderer(options),
        };
    }
}
