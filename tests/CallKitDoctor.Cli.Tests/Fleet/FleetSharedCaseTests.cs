using System.Text.Json;
using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Cli.Tests.Fleet;

/// <summary>The shared real-world case logs through <c>fleet</c>: diagnosing the logs and reading their JSON reports agree.</summary>
public sealed class FleetSharedCaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ckd-fleet-cases-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [SkippableFact]
    public void Case_logs_and_their_reports_give_the_same_fleet()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var logs = Directory.GetFiles(SharedData.PathOf("callkit", "cases")!, "*.log").Order(StringComparer.Ordinal).ToArray();
        var calls = 0;
        foreach (var log in logs)
        {
            var report = Path.Combine(_dir, Path.GetFileNameWithoutExtension(log) + ".json");
            var (exit, _, _) = Run("diagnose", log, "--format", "json", "--output", report);
            Assert.Equal(0, exit);
            calls += JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("calls").GetArrayLength();
        }

        var fromLogs = Run(["fleet", .. logs, "--by", "verdict", "--format", "json", "--no-progress"]);
        var fromReports = Run("fleet", _dir, "--by", "verdict", "--format", "json");

        Assert.Equal(0, fromLogs.Exit);
        using var a = JsonDocument.Parse(fromLogs.Stdout);
        using var b = JsonDocument.Parse(fromReports.Stdout);
        Assert.Equal(calls, a.RootElement.GetProperty("source").GetProperty("rowsRead").GetInt64());
        Assert.Equal(a.RootElement.GetProperty("groups").GetRawText(), b.RootElement.GetProperty("groups").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("findings").GetRawText(), b.RootElement.GetProperty("findings").GetRawText());
        Assert.NotEqual(0, a.RootElement.GetProperty("findings").GetArrayLength());
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var environment = new CliEnvironment(stdout, stderr, new DiagnosisService());
        var exit = CliApplication.Run(args, environment);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
