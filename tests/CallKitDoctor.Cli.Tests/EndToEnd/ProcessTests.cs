using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Tests.Fixtures;

namespace CallKitDoctor.Cli.Tests.EndToEnd;

/// <summary>The real executable, run as a process: exit codes and streams as a shell or CI sees them.</summary>
public class ProcessTests
{
    [Fact]
    public void VersionExitsZero()
    {
        var run = CliProcess.Run("--version");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout);
    }

    [Fact]
    public void MissingFileExitsTwoWithOneLineOnStderr()
    {
        var run = CliProcess.Run("diagnose", "/no/such/file.log");

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("callkit-doctor: cannot read /no/such/file.log: no such file or directory", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void NoCommandExitsTwo()
    {
        var run = CliProcess.Run();

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Single(run.StderrLines);
    }

    [Fact]
    public void RulesExitsZero()
    {
        var run = CliProcess.Run("rules");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.NotEmpty(run.Stdout);
    }
}
