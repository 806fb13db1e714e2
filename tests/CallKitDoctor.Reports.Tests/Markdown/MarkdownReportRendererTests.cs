using CallKitDoctor.Reports.Markdown;
using CallKitDoctor.Reports.Tests.Fixtures;

namespace CallKitDoctor.Reports.Tests.Markdown;

public class MarkdownReportRendererTests
{
    [Fact]
    public void HasHeadingsATablePerCallAndFencedEvidence()
    {
        var text = new MarkdownReportRenderer().Render(SampleReports.Production());
        var lines = text.Split('\n');

        Assert.StartsWith("# CallKit Doctor report: glip-production.log", text, StringComparison.Ordinal);
        Assert.Contains("**3 unparsed lines**", text, StringComparison.Ordinal);
        Assert.Contains("## Call 1 · incoming · **activation-masked**", lines);
        Assert.Equal(2, lines.Count(l => l == "| Time | Process | Event | Line | Message |"));
        Assert.Contains(lines, l => l.StartsWith("| 16:01:52.259438 | callservicesd | proxy-session-failed | 120 |", StringComparison.Ordinal));
        Assert.Contains("### error: `session-id-zero`", text, StringComparison.Ordinal);
        Assert.Contains("Evidence `glip-production.log:120-122` — session ID = 0x0:", text, StringComparison.Ordinal);
        var fence = Array.IndexOf(lines, "```");
        Assert.True(fence > 0);
        Assert.Contains("Creating proxy session failed", lines[fence + 1], StringComparison.Ordinal);
        Assert.Contains("## Log findings", lines);
        Assert.Equal("## Summary", lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Last());
    }

    [Fact]
    public void EscapesPipesInCellsAndOutgrowsBacktickRunsInFences()
    {
        var text = new MarkdownReportRenderer().Render(SampleReports.Hostile());
        var row = text.Split('\n').Single(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("transaction-error", StringComparison.Ordinal));

        // Unescaped pipes delimit exactly the six cell borders of a five-column row.
        var bare = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '|' && (i == 0 || row[i - 1] != '\\'))
            {
                bare++;
            }
        }

        Assert.Equal(6, bare);
        Assert.Contains("Weird\\|App", row, StringComparison.Ordinal);
        Assert.Contains("\n`````\n", text, StringComparison.Ordinal); // evidence holds a run of four backticks
    }
}
