using System.Text.RegularExpressions;
using CallKitDoctor.Reports.Html;
using CallKitDoctor.Reports.Tests.Fixtures;

namespace CallKitDoctor.Reports.Tests.Html;

public class HtmlReportRendererTests
{
    [Fact]
    public void IsOneSelfContainedPage()
    {
        var html = new HtmlReportRenderer().Render(SampleReports.Production());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<(link|img|iframe)\\b|\\bsrc=|@import|url\\(", RegexOptions.IgnoreCase), html);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void HasASwimlaneWithFourActorLanesAndOneMarkerPerEventPerCall()
    {
        var report = SampleReports.Production();
        var html = new HtmlReportRenderer().Render(report);

        Assert.Equal(report.Calls.Count, Regex.Count(html, "<svg class=\"swimlane\""));
        Assert.Equal(4 * report.Calls.Count, Regex.Count(html, "<g class=\"lane\""));
        foreach (var actor in new[] { "app", "call-services", "audio-server", "system" })
        {
            Assert.Equal(report.Calls.Count, Regex.Count(html, $"<g class=\"lane\" data-actor=\"{actor}\""));
        }

        Assert.Equal(report.Calls.Sum(c => c.Events.Count), Regex.Count(html, "<g class=\"event "));
        Assert.Contains("data-kind=\"proxy-session-failed\" data-actor=\"call-services\"", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"call\" id=\"call-1\" data-verdict=\"activation-masked\">", html, StringComparison.Ordinal);
        Assert.Contains("class=\"verdict tone-caution\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapesLogTextAndShowsEvidenceAndFixes()
    {
        var html = new HtmlReportRenderer().Render(SampleReports.Production());

        Assert.Contains("report a new incoming call with UUID: &lt;private&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<private>", html, StringComparison.Ordinal);
        Assert.Contains("glip-production.log:120-122 — session ID = 0x0", html, StringComparison.Ordinal);
        Assert.Contains("<b>Fix:</b> Call setConfiguration right before reporting each call.", html, StringComparison.Ordinal);
        Assert.Contains("3 unparsed lines", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileTextCannotInjectMarkup()
    {
        var html = new HtmlReportRenderer().Render(SampleReports.Hostile());

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<script>"));
        Assert.Contains("data-actor=\"unknown\"", html, StringComparison.Ordinal); // the "other" lane appears for unknown actors
    }
}
