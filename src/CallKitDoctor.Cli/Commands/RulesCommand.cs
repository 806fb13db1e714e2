using System.CommandLine;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Reports.Naming;

namespace CallKitDoctor.Cli.Commands;

/// <summary><c>callkit-doctor rules</c>: lists every finding id with its severity and title (for <c>--fail-on</c>).</summary>
internal static class RulesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print each finding's explanation and recommended fix." };
        var command = new Command("rules", "List the finding ids (for --fail-on), their severities and titles.") { verbose };
        command.SetAction(parse => Run(environment, parse.GetValue(verbose)));
        return command;
    }

    private static int Run(CliEnvironment environment, bool verbose)
    {
        var rules = environment.Diagnosis.Rules;
        var output = environment.Output;
        if (rules.Count == 0)
        {
            output.WriteLine("No rules are registered.");
            return ExitCodes.Success;
        }

        var idWidth = Math.Max(2, rules.Max(r => r.Id.Length));
        output.WriteLine($"{"ID".PadRight(idWidth)}  {"SEVERITY",-8}  TITLE");
        foreach (var rule in rules)
        {
            output.WriteLine($"{rule.Id.PadRight(idWidth)}  {rule.DefaultSeverity.ToName(),-8}  {rule.Title}");
            if (verbose)
            {
                output.WriteLine($"{new string(' ', idWidth + 12)}{rule.Explanation}");
                output.WriteLine($"{new string(' ', idWidth + 12)}Fix: {rule.Recommendation}");
            }
        }

        output.Flush();
        return ExitCodes.Success;
    }
}
