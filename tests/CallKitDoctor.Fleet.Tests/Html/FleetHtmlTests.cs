using System.Text.RegularExpressions;
using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Engine;
using CallKitDoctor.Fleet.Generation;
using CallKitDoctor.Fleet.Output.Html;
using CallKitDoctor.Fleet.Telemetry;
using CallKitDoctor.Fleet.Tests.Fixtures;
using CallKitDoctor.Testing.Browser;

namespace CallKitDoctor.Fleet.Tests.Html;

/// <summary>The fleet HTML page: self-contained markup with one mark per group, day and finding, and a real rendering in Chromium.</summary>
public sealed class FleetHtmlTests : IDisposable
{
    private static readonly FleetGeneratorOptions Options = new() { Calls = 6000, Days = 20, Seed = 11 };

    private readonly TempFolder _folder = new();

    private (FleetResult Result, string Path) WritePage()
    {
        // The generated fleet plus two finding columns, so every chart has data.
        using var generated = new StringWriter();
        FleetGenerator.WriteCsv(generated, Options);
        var rows = generated.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = string.Join('\n', rows.Select((row, i) => i == 0
            ? row + ",finding_workaround-missing,finding_session-id-zero"
            : row + (row.Contains(",false,", StringComparison.Ordinal) ? ",true" : ",false") + (i % 7 == 0 ? ",true" : ",false")));
        var file = _folder.Write("fleet.csv", csv + "\n");
        using var table = TelemetryTable.Open(TelemetryFile.Detect(file), ColumnMapping.Identity);
        var result = FleetAnalyzer.Analyze(table, new FleetRequest { GroupBy = ["app_version"], Charts = true, WorkaroundEffect = true });
        var page = Path.Combine(_folder.Path, "fleet.html");
        using (var writer = new StreamWriter(page))
        {
            FleetHtmlWriter.Write(result, writer);
        }

        return (result, page);
    }

    [Fact]
    public void Page_is_self_contained_with_one_mark_per_version_day_and_finding()
    {
        var (result, page) = WritePage();
        var html = File.ReadAllText(page);

        Assert.DoesNotMatch(new Regex("(src|href)=\"https?:|<script|<link", RegexOptions.IgnoreCase), html);
        Assert.Equal(4, result.ByOsVersion.Count);
        Assert.Equal(result.ByOsVersion.Count, Regex.Count(html, "<circle class=\"point\""));
        Assert.Equal(Options.Days, result.Daily.Count);
        Assert.Equal(Options.Days, Regex.Count(html, "<rect class=\"bar failures\""));
        Assert.Equal(2, Regex.Count(html, "<rect class=\"bar finding\""));
        Assert.Equal(result.ByOsVersion.Count + 2, Regex.Count(html, "class=\"errorbar\""));
        Assert.Equal(Options.RolloutDate, result.RolloutDay);
        Assert.Contains($"rollout {Options.RolloutDate:yyyy-MM-dd}", html, StringComparison.Ordinal);
        Assert.Contains("Findings by os_build", html, StringComparison.Ordinal);
        Assert.Contains("Findings by app_version", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Chromium_renders_the_charts_and_the_screenshot_is_not_blank()
    {
        var browser = Chromium.Find();
        Skip.If(browser is null, Chromium.MissingReason);
        var (result, page) = WritePage();

        var dom = Chromium.Run(browser!, page, "--dump-dom", _folder.Path, 1100, 1600);
        var png = Path.Combine(_folder.Path, "fleet.png");
        Chromium.Run(browser!, page, "--screenshot=" + png, _folder.Path, 1100, 1600);

        Assert.Equal(3, Regex.Count(dom, "<svg class=\"chart\""));
        Assert.Equal(result.ByOsVersion.Count, Regex.Count(dom, "<circle class=\"point\""));
        Assert.Equal(result.Daily.Count, Regex.Count(dom, "<rect class=\"bar failures\""));
        Assert.Single(Regex.Matches(dom, "<path class=\"rate-line\""));
        Assert.Single(Regex.Matches(dom, "<line class=\"rollout\""));
        var pixels = PngImage.Read(File.ReadAllBytes(png));
        Assert.Equal((1100, 1600), (pixels.Width, pixels.Height));
        Assert.InRange(pixels.InkShare(), 0.02, 0.8);
        Assert.True(pixels.DistinctColours() > 30, $"{pixels.DistinctColours()} colours: the charts did not paint");
    }

    public void Dispose() => _folder.Dispose();
}
