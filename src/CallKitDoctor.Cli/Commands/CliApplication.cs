using System.CommandLine;
using System.CommandLine.Invocation;
using CallKitDoctor.Cli.Hosting;

namespace CallKitDoctor.Cli.Commands;

/// <summary>
/// Builds the command tree (<c>diagnose</c>, <c>rules</c>, <c>--version</c>, <c>--help</c>) and runs it against a
/// <see cref="CliEnvironment"/>. Parse errors become exit code 2 with a one-line reason on stderr.
/// </summary>
public static class CliApplication
{
    public static RootCommand BuildRoot(CliEnvironment environment)
    {
        var root = new RootCommand("Diagnoses why an iOS VoIP app's CallKit call never got its audio session activated.");
        root.Subcommands.Add(DiagnoseCommand.Create(environment));
        root.Subcommands.Add(RulesCommand.Create(environment));
        root.Subcommands.Add(ShowCommand.Create(environment));
        root.Subcommands.Add(FleetCommand.Create(environment));
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(environment);
        }

        return root;
    }

    public static int Run(string[] args, CliEnvironment environment)
    {
        var parse = BuildRoot(environment).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            var error = parse.Errors[0].Message;
            var command = parse.CommandResult.Command;
            var help = command is RootCommand ? "callkit-doctor --help" : $"callkit-doctor {command.Name} --help";
            return Fail(environment, $"{error} (see {help})");
        }

        try
        {
            var exit = parse.Invoke(new InvocationConfiguration
            {
                Output = environment.Output,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            });
            environment.Output.Flush();
            return exit;
        }
        catch (OperationCanceledException)
        {
            environment.Error.WriteLine("callkit-doctor: cancelled");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The process boundary: any bug becomes one line on stderr and exit code 3.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            environment.Error.WriteLine($"callkit-doctor: internal error: {ex.GetType().Name}: {OneLine(ex.Message)} (please report this with the input that caused it)");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Writes <c>callkit-doctor: reason</c> on stderr and returns exit code 2.</summary>
    internal static int Fail(CliEnvironment environment, string reason)
    {
        environment.Error.WriteLine("callkit-doctor: " + OneLine(reason));
        return ExitCodes.UsageOrInput;
    }

    internal static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
