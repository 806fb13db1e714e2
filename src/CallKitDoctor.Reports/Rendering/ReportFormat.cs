namespace CallKitDoctor.Reports.Rendering;

/// <summary>The output formats a diagnosis can be rendered in.</summary>
public enum ReportFormat
{
    /// <summary>A readable terminal report (colours when allowed).</summary>
    Text = 0,

    /// <summary>The stable, versioned JSON document described in <c>docs/json-schema.md</c>.</summary>
    Json,

    /// <summary>Markdown to paste into a ticket.</summary>
    Markdown,

    /// <summary>One self-contained HTML page with a swimlane timeline per call.</summary>
    Html,
}
