using System.Diagnostics;

namespace CallKitDoctor.Cli.Tests.Fixtures;

/// <summary>Runs the built <c>callkit-doctor.dll</c> (copied beside the tests) as a real process through <c>dotnet</c>.</summary>
internal static class CliProcess
{
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "callkit-doctor.dll");

    public static CliRun Run(IReadOnlyDictionary<string, string?>? environment, params string[] args) => Start(environment, null, args);

    /// <summary>Runs with <paramref name="input"/> on standard input.</summary>
    public static CliRun RunWithInput(string input, params string[] args) => Start(null, input, args);

    private static CliRun Start(IReadOnlyDictionary<string, string?>? environment, string? input, string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("callkit-doctor did not finish in 120 s: " + string.Join(' ', args));
        }

        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static CliRun Run(params string[] args) => Run(null, args);

    /// <summary>The <c>dotnet</c> host running these tests (so the same runtime runs the CLI).</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
