using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Tests.Fixtures;

namespace CallKitDoctor.Cli.Tests.Show;

/// <summary><c>diagnose --start/--end/--last</c> narrow the entries analysed (the seed flow: calls at 16:00:39, 16:01:34, 16:02:01).</summary>
public sealed class DiagnoseWindowTests(ShowInputs inputs) : IClassFixture<ShowInputs>
{
    private static JsonReport Diagnose(params string[] args)
    {
        var run = CliRun.Of(new DiagnosisService(), ["diagnose", .. args, "--format", "json"]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        return JsonReport.Parse(run.Stdout);
    }

    [Fact]
    public void TheWindowKeepsOnlyTheCallsInIt()
    {
        var whole = Diagnose(inputs.SysdiagnoseTarGz);
        var first = Diagnose(inputs.SysdiagnoseTarGz, "--end", "2025-10-23 16:01:30");
        var later = Diagnose(inputs.SysdiagnoseTarGz, "--start", "2025-10-23 16:01:30");
        var last = Diagnose(inputs.SysdiagnoseTarGz, "--last", "15s");

        Assert.Equal(3, whole.Verdicts.Count);
        Assert.Equal(whole.Verdicts.Take(1), first.Verdicts);
        Assert.Equal(whole.Verdicts.Skip(1), later.Verdicts);
        Assert.Equal(whole.Verdicts.Skip(2), last.Verdicts);
        Assert.Contains("session-id-zero", later.FindingIds);
        Assert.DoesNotContain("session-id-zero", first.FindingIds);
    }

    [Fact]
    public void ABadWindowIsAUsageError()
    {
        var run = CliRun.Of(new DiagnosisService(), "diagnose", inputs.SysdiagnoseTarGz, "--last", "soon");

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.StartsWith("callkit-doctor: --last: ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void TheWindowReachesTheService()
    {
        var fake = new FakeDiagnosisService();
        var run = CliRun.Of(fake, "diagnose", inputs.TextLog, "--start", "2025-10-23 16:00:03", "--quiet");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(inputs.TextLog, Assert.Single(fake.Calls).Path);
        var options = Assert.Single(fake.Options);
        Assert.Equal(new DateTime(2025, 10, 23, 16, 0, 3), options.Window!.Range.StartClock);
        Assert.True(options.Window.Levels.IncludeDebug && options.Window.Levels.IncludeSignposts);
        Assert.Null(options.Progress);

        var whole = new FakeDiagnosisService();
        Assert.Equal(ExitCodes.Success, CliRun.Of(whole, "diagnose", inputs.TextLog).ExitCode);
        Assert.Null(Assert.Single(whole.Options).Window);
    }
}
