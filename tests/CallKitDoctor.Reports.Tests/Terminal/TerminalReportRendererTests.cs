using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Terminal;
using CallKitDoctor.Reports.Tests.Fixtures;

namespace CallKitDoctor.Reports.Tests.Terminal;

public class TerminalReportRendererTests
{
    private static string Render(Diagnosis.Reports.DiagnosisReport report, bool color = false, int width = 160) =>
        new TerminalReportRenderer(new RenderOptions { Color = color, Width = width }).Render(report);

    [Fact]
    public void ShowsContextInputAndWindowFirst()
    {
        var text = Render(SampleReports.Production());

        Assert.Contains("iPhone OS 26.0 (23A355) · iPhone14,2", text, StringComparison.Ordinal);
        Assert.Contains("Glip 25.3.10", text, StringComparison.Ordinal);
        Assert.Contains("3 unparsed lines", text, StringComparison.Ordinal);
        Assert.Contains("first at line 5, 17, 99", text, StringComparison.Ordinal);
        Assert.Contains("1 reading issue", text, StringComparison.Ordinal);
        Assert.Contains("glip-production.log:17: line is not in the log show layout", text, StringComparison.Ordinal);
        Assert.Contains("2025-10-23 16:00:39.801604+1100 → 2025-10-23 16:03:00.700000+1100", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Device", StringComparison.Ordinal) < text.IndexOf("Call 1", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowsEachCallWithVerdictTimelineFindingsAndFix()
    {
        var text = Render(SampleReports.Production());
        var lines = text.Split('\n');

        Assert.Contains(lines, l => l.Contains("Call 1 · incoming · Glip", StringComparison.Ordinal) && l.Contains("ACTIVATION-MASKED", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Call 2 · outgoing", StringComparison.Ordinal) && l.Contains("UUID 0F8FAD5B-D9CB-469F-A165-70867728950E", StringComparison.Ordinal));
        Assert.Contains("the app's own setActive in the foreground made audio work", text, StringComparison.Ordinal);

        // A timeline row: time, process, event kind and the message excerpt on one line.
        Assert.Contains(lines, l => l.Contains("16:01:52.259438", StringComparison.Ordinal) && l.Contains("callservicesd", StringComparison.Ordinal)
            && l.Contains("proxy-session-failed", StringComparison.Ordinal) && l.Contains("Creating proxy session failed", StringComparison.Ordinal));

        Assert.Contains("✖ error session-id-zero", text, StringComparison.Ordinal);
        Assert.Contains("glip-production.log:120-122", text, StringComparison.Ordinal);
        Assert.Contains("← session ID = 0x0", text, StringComparison.Ordinal);
        Assert.Contains("NSLocalizedDescription = \"Session lookup failed\";", text, StringComparison.Ordinal);
        Assert.Contains("Fix: Call setConfiguration right before reporting each call.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EndsWithLogFindingsAndASummaryLine()
    {
        var text = Render(SampleReports.Production()).TrimEnd();

        Assert.True(text.IndexOf("Log findings", StringComparison.Ordinal) > text.IndexOf("Call 2", StringComparison.Ordinal));
        Assert.Contains("● info log-coverage-gap", text, StringComparison.Ordinal);
        var last = text.Split('\n')[^1];
        Assert.Equal("Summary: 2 calls (1 audio-activated, 1 activation-masked); 4 findings (1 error, 2 warning, 1 info)", last);
    }

    [Fact]
    public void NoColourMeansNoEscapeSequences()
    {
        Assert.DoesNotContain('\u001b', Render(SampleReports.Production(), color: false));
    }

    [Fact]
    public void ColourUsesAnsiEscapes()
    {
        var text = Render(SampleReports.Production(), color: true);

        Assert.Contains("\u001b[", text, StringComparison.Ordinal);
        Assert.Contains("ACTIVATION-MASKED", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LogTextIsNeverTakenAsMarkup()
    {
        var text = Render(SampleReports.Hostile());

        Assert.Contains("[red]bold[/]", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenThereAreNoUnparsedLinesAndNoCalls()
    {
        var text = Render(SampleReports.Empty());

        Assert.Contains("no unparsed lines", text, StringComparison.Ordinal);
        Assert.Contains("No calls were recognised", text, StringComparison.Ordinal);
        Assert.Contains("not stated in the log", text, StringComparison.Ordinal);
        Assert.Contains("Summary: 0 calls; 0 findings", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CapsTheTimelineAndSaysHowManyWereLeftOut()
    {
        var report = SampleReports.Production();
        var text = new TerminalReportRenderer(new RenderOptions { MaxTimelineEvents = 4, Width = 160 }).Render(report);

        Assert.Contains($"… {report.Calls[0].Events.Count - 4} more events", text, StringComparison.Ordinal);
        Assert.DoesNotContain("16:01:52.260000", text, StringComparison.Ordinal);
    }
}
