namespace CallKitDoctor.Reports.Rendering;

/// <summary>Settings shared by the renderers.</summary>
public sealed record RenderOptions
{
    /// <summary>Whether the terminal report may use colours and styles (ANSI escapes).</summary>
    public bool Color { get; init; }

    /// <summary>The terminal report's width in columns.</summary>
    public int Width { get; init; } = 120;

    /// <summary>The tool named in the output.</summary>
    public ToolInfo Tool { get; init; } = ToolInfo.Default;

    /// <summary>The most timeline lines the terminal and Markdown reports show per call (JSON and HTML show all).</summary>
    public int MaxTimelineEvents { get; init; } = 60;

    /// <summary>The longest message excerpt the terminal and Markdown timelines show.</summary>
    public int MaxExcerptLength { get; init; } = 140;
}
