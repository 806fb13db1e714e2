using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Tests.Fixtures;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Cli.Tests.EndToEnd;

/// <summary>
/// The real readers, matcher and rules through the CLI on the samples shipped in the repository: the seed thread's
/// production failure and the lab log with the workaround.
/// </summary>
public class SampleLogTests
{
    private static readonly string Production = RepositoryRoot.PathOf("samples", "seed-production-failure.log");
    private static readonly string Lab = RepositoryRoot.PathOf("samples", "seed-lab-workaround.ndjson");

    private static CliRun Diagnose(params string[] args) => CliRun.Of(new DiagnosisService(), ["diagnose", .. args]);

    [Fact]
    public void ProductionLogGivesTheExpertsReading()
    {
        var run = Diagnose(Production, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(DiagnosisSchema.Errors(run.Stdout));
        var report = JsonReport.Parse(run.Stdout);
        Assert.Contains("session-id-zero", report.FindingIds);
        Assert.True(report.FindingIds.Contains("workaround-missing") || report.FindingIds.Contains("log-coverage-gap"));
        Assert.Contains("app-activated-audio", report.FindingIds);
        Assert.Contains("activation-masked", report.Verdicts);
        Assert.Equal(0, report.Root.GetProperty("input").GetProperty("unparsedLines").GetInt64());
    }

    [Fact]
    public void LabLogShowsTheWorkaroundInPlace()
    {
        var run = Diagnose(Lab, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(DiagnosisSchema.Errors(run.Stdout));
        var report = JsonReport.Parse(run.Stdout);
        Assert.DoesNotContain("workaround-missing", report.FindingIds);
        Assert.Contains("audio-activated", report.Verdicts);
        Assert.Equal("ndjson", report.Root.GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public void FailOnWorkaroundMissingFailsTheProductionBuildAndPassesTheLabBuild()
    {
        var production = Diagnose(Production, "--fail-on", "workaround-missing", "--format", "json");
        var lab = Diagnose(Lab, "--fail-on", "workaround-missing", "--format", "json");

        Assert.Equal(ExitCodes.FailOnFinding, production.ExitCode);
        Assert.StartsWith("callkit-doctor: --fail-on: found workaround-missing (", Assert.Single(production.StderrLines), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, lab.ExitCode);
        Assert.Equal("", lab.Stderr);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("html")]
    public void EveryFormatRendersTheProductionLog(string format)
    {
        var run = Diagnose(Production, "--format", format);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("session-id-zero", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Creating proxy session failed, session ID = 0x0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("seed-production-failure.log:", run.Stdout, StringComparison.Ordinal); // evidence cites file:line
    }

    [Fact]
    public void ForcedInputFormatThatDoesNotFitStillDiagnosesAndCountsUnparsedLines()
    {
        var run = Diagnose(Lab, "--input-format", "console", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var input = JsonReport.Parse(run.Stdout).Root.GetProperty("input");
        Assert.Equal("console", input.GetProperty("format").GetString());
        Assert.True(input.GetProperty("unparsedLines").GetInt64() > 0);
    }

    [Fact]
    public void RulesListsEveryFindingTheIssueRequires()
    {
        var run = CliRun.Of(new DiagnosisService(), "rules");

        foreach (var id in new[]
        {
            "workaround-missing", "session-id-zero", "activation-missing", "app-activated-audio", "insufficient-priority",
            "audio-configured-before-activation", "hold-resume-no-activation", "push-not-reported", "provider-reset",
            "transaction-error", "config-during-active-call", "log-coverage-gap",
        })
        {
            Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith(id + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AsAProcessTheSampleGivesJsonOnStdout()
    {
        var run = CliProcess.Run("diagnose", Production, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(DiagnosisSchema.Errors(run.Stdout));
    }

    [Fact]
    public void AsAProcessStandardInputIsRead()
    {
        var run = CliProcess.RunWithInput(File.ReadAllText(Production), "diagnose", "-", "--format", "json", "--fail-on", "session-id-zero");

        Assert.Equal(ExitCodes.FailOnFinding, run.ExitCode);
        Assert.Equal("-", JsonReport.Parse(run.Stdout).Root.GetProperty("input").GetProperty("path").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AsAProcessTheTerminalReportHasNoColourWhenPiped(bool inCi)
    {
        var environment = inCi
            ? new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["TERM"] = "xterm-256color" }
            : null;
        var run = CliProcess.Run(environment, "diagnose", Production);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.Contains("ACTIVATION-MASKED", run.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("Summary: ", run.Stdout.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }
}
