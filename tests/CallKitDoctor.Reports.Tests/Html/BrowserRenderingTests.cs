using System.Text.RegularExpressions;
using CallKitDoctor.Reports.Html;
using CallKitDoctor.Reports.Tests.Fixtures;
using CallKitDoctor.Testing.Browser;

namespace CallKitDoctor.Reports.Tests.Html;

/// <summary>Opens the HTML report in headless Chromium: the scripts run, the swimlanes exist, the screenshot is not blank.</summary>
public sealed class BrowserRenderingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("callkit-doctor-html-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold its profile folder for a moment; the temp folder is cleaned by the OS.
        }
    }

    private string WriteReport()
    {
        var path = Path.Combine(_dir, "report.html");
        File.WriteAllText(path, new HtmlReportRenderer().Render(SampleReports.Production()));
        return path;
    }

    [SkippableFact]
    public void ScriptsRunAndTheSwimlanesExistInTheLiveDom()
    {
        var browser = Chromium.Find();
        Skip.If(browser is null, Chromium.MissingReason);
        var report = SampleReports.Production();
        var events = report.Calls.Sum(c => c.Events.Count);

        var dom = Chromium.Run(browser!, WriteReport(), "--dump-dom", _dir);

        Assert.Contains($"data-report-ready=\"{events}\"", dom, StringComparison.Ordinal);
        Assert.Equal(4 * report.Calls.Count, Regex.Count(dom, "<g class=\"lane\""));
        Assert.Equal(events, Regex.Count(dom, "<g class=\"event "));
    }

    [SkippableFact]
    public void ScreenshotIsAPageWithContentNotABlank()
    {
        var browser = Chromium.Find();
        Skip.If(browser is null, Chromium.MissingReason);
        var png = Path.Combine(_dir, "report.png");

        Chromium.Run(browser!, WriteReport(), "--screenshot=" + png, _dir);

        Assert.True(File.Exists(png), "no screenshot written");
        var image = PngImage.Read(File.ReadAllBytes(png));
        Assert.Equal(1280, image.Width);
        Assert.Equal(2000, image.Height);
        Assert.True(image.DistinctColours() > 50, $"only {image.DistinctColours()} colours");
        Assert.InRange(image.InkShare(), 0.02, 0.9);
        var keep = Environment.GetEnvironmentVariable("CALLKIT_DOCTOR_KEEP_SCREENSHOT");
        if (!string.IsNullOrEmpty(keep))
        {
            File.Copy(png, keep, overwrite: true);
        }
    }
}
