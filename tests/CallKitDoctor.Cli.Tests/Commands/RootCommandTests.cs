using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Tests.Fixtures;

namespace CallKitDoctor.Cli.Tests.Commands;

public class RootCommandTests
{
    [Fact]
    public void VersionPrintsTheToolVersion()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "--version");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("0.1.0", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpListsTheCommands()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("diagnose", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("rules", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesListsEveryIdWithSeverityAndTitle()
    {
        var service = new FakeDiagnosisService();
        var run = CliRun.Of(service, "rules");
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("ID ", lines[0], StringComparison.Ordinal);
        Assert.Equal(service.Rules.Count + 1, lines.Length);
        foreach (var rule in service.Rules)
        {
            Assert.Contains(lines, l => l.StartsWith(rule.Id + " ", StringComparison.Ordinal)
                && l.Contains(rule.DefaultSeverity.ToString().ToLowerInvariant(), StringComparison.Ordinal)
                && l.EndsWith(rule.Title, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RulesVerboseAddsTheFixes()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "rules", "--verbose");

        Assert.Contains("Fix: Call setConfiguration before each report.", run.Stdout, StringComparison.Ordinal);
    }
}
