using System.Diagnostics;

namespace CallKitDoctor.Testing.Browser;

/// <summary>Runs headless Chromium on a file (screenshot or DOM dump after scripts ran); finds the binary on PATH.</summary>
public static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"];

    public const string MissingReason =
        "No chromium binary on PATH (install it with `apt-get install -y chromium`; .ci/run does); skipping the browser check.";

    /// <summary>The browser's path, or null when none is installed.</summary>
    public static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Runs the browser headless on <paramref name="file"/> with one extra argument in a <paramref name="width"/> × <paramref name="height"/> window; returns its stdout.</summary>
    public static string Run(string browser, string file, string action, string workDir, int width = 1280, int height = 2000)
    {
        var profile = Path.Combine(workDir, "profile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}", $"--window-size={width},{height}",
            action, new Uri(file).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + browser);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{browser} {action} did not finish in 90 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{browser} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }
}
