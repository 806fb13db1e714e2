using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Tests.Fixtures;
using CallKitDoctor.Testing;

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

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void ATemporaryFolderThatCannotHoldTheReportIsNamedAsSuchNotAsAnUnreadableLog(string format)
    {
        // The report spills its calls to a private folder under TMPDIR; here TMPDIR names a path under a file, so the
        // folder cannot be made, exactly as when that disk is full or read-only.
        var log = RepositoryRoot.PathOf("samples", "seed-production-failure.log");
        var run = CliProcess.Run(new Dictionary<string, string?> { ["TMPDIR"] = "/dev/null/no-such-folder" }, "diagnose", log, "--format", format);

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("callkit-doctor: cannot write the report's temporary file in /dev/null/no-such-folder", line, StringComparison.Ordinal);
        Assert.EndsWith("(set TMPDIR to a folder with room for the report)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read", line, StringComparison.Ordinal);
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
