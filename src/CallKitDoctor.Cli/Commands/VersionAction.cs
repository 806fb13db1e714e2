using System.CommandLine;
using System.CommandLine.Invocation;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Reports.Rendering;

namespace CallKitDoctor.Cli.Commands;

/// <summary>
/// <c>--version</c>: prints this tool's version (the one the JSON output names), not the entry assembly's, so that it
/// is right when the CLI runs in-process too.
/// </summary>
internal sealed class VersionAction(CliEnvironment environment) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        environment.Output.WriteLine(ToolInfo.For(typeof(VersionAction).Assembly).Version);
        environment.Output.Flush();
        return ExitCodes.Success;
    }
}
