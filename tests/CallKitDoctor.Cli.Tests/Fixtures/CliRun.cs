using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;

namespace CallKitDoctor.Cli.Tests.Fixtures;

/// <summary>Runs the CLI in-process with captured stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(IDiagnosisService service, params string[] args) => Of(service, terminal: false, noColorVariable: false, args);

    public static CliRun Of(IDiagnosisService service, bool terminal, bool noColorVariable, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var environment = new CliEnvironment(stdout, stderr, service, terminal, noColorVariable, 140);
        var exit = CliApplication.Run(args, environment);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The stderr text as lines (without the trailing empty one).</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
