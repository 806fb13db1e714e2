using System.Diagnostics;

namespace CallKitDoctor.Fleet.Tests.Html;

/// <summary>Headless Chromium from PATH: dumps a page's DOM or takes a screenshot of it.</summary>
internal static class HeadlessChromium
{
    public const string MissingReason =
        "Chromium is not on PATH (`apt-get install -y chromium`; .ci/run installs it): the fleet HTML browser check is skipped.";

    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser", "google-chrome", "headless_shell" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="browser"/> on the file with <paramref name="action"/> (<c>--dump-dom</c>, <c>--screenshot=…</c>); returns stdout.</summary>
    public static string Run(string browser, string page, string action, string scratch)
    {
        var start = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync",
            "--hide-scrollbars", "--user-data-dir=" + Path.Combine(scratch, "chromium-" + Guid.NewGuid().ToString("N")),
            "--window-size=1100,1600", action, new Uri(page).AbsoluteUri,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + browser);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(browser + " took more than 90 s");
        }

        return process.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"{browser} exited with {process.ExitCode}: {stderr.Result}");
    }
}
