using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Tests.Fixtures;

namespace CallKitDoctor.Cli.Tests.Progress;

/// <summary>Runs the CLI in-process with a recording progress display and chosen terminal states.</summary>
internal static class ProgressRun
{
    public static CliRun Of(RecordingProgressDisplay display, bool errorIsTerminal, bool outputIsTerminal, IDiagnosisService service, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var environment = new CliEnvironment(stdout, stderr, service, outputIsTerminal, noColorVariable: false, 120)
        {
            ErrorIsTerminal = errorIsTerminal,
            Progress = display,
        };
        var exit = CliApplication.Run(args, environment);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}
