using System.CommandLine;
using System.Text;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Output;
using CallKitDoctor.Cli.Progress;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Time;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Naming;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Streaming;

namespace CallKitDoctor.Cli.Commands;

/// <summary>
/// <c>callkit-doctor diagnose LOG [--format text|json|markdown|html] [--output FILE] [--input-format …]
/// [--fail-on ID[,ID]] [--no-color] [--start T] [--end T] [--last 5m|2h|1d] [--quiet]</c>: reads the log (only the
/// entries in the time window when one is given), diagnoses every call and writes the report.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var log = new Argument<string>("LOG")
        {
            Description = "The log to diagnose: a Console.app copy, a `log show` export (any style), Xcode console output, a crash report; `-` reads standard input.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(ReportFormatNames.All);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to FILE instead of standard output.",
            HelpName = "FILE",
        };
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "The input's layout; `auto` detects it from the content.",
            DefaultValueFactory = _ => "auto",
        };
        inputFormat.AcceptOnlyFromAmong([.. InputFormatNames.All]);
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = "Exit with code 1 when any of these findings occur (comma-separated ids; see `callkit-doctor rules`).",
            HelpName = "ID[,ID]",
            AllowMultipleArgumentsPerToken = false,
        };
        var noColor = new Option<bool>("--no-color")
        {
            Description = "Never use colours in the text report (also off when NO_COLOR is set or stdout is not a terminal).",
        };

        var window = new TimeWindowOptions();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display on stderr." };

        var command = new Command("diagnose", "Diagnose CallKit audio activation for every call in a log.")
        {
            log, format, output, inputFormat, failOn, noColor, window.Start, window.End, window.Last, quiet,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            environment,
            new DiagnoseRequest(
                parse.GetRequiredValue(log),
                ReportFormatNames.Parse(parse.GetValue(format) ?? "text"),
                parse.GetValue(output),
                InputFormatNames.TryParse(parse.GetValue(inputFormat) ?? "auto", out var f) ? f : LogInputFormat.Auto,
                parse.GetValue(failOn) ?? [],
                parse.GetValue(noColor),
                new EntryFilterOptions(null, parse.GetValue(window.Start), parse.GetValue(window.End), parse.GetValue(window.Last), Info: true, Debug: true, Signpost: true),
                parse.GetValue(quiet)),
            cancellationToken)));
        return command;
    }

    private static int Run(CliEnvironment environment, DiagnoseRequest request, CancellationToken cancellationToken)
    {
        var failOn = FailOnList.Parse(request.FailOn, environment.Diagnosis.Rules, out var failOnError);
        if (failOn is null)
        {
            return CliApplication.Fail(environment, failOnError!);
        }

        if (request.Log != "-" && !File.Exists(request.Log) && !Directory.Exists(request.Log))
        {
            return CliApplication.Fail(environment, $"cannot read {request.Log}: no such file or directory");
        }

        var now = DateTimeOffset.Now;
        if (!EntryFilter.TryCreate(request.Window, null, null, now, out var window, out var windowError))
        {
            return CliApplication.Fail(environment, windowError);
        }

        var options = new RenderOptions
        {
            Color = ColorPolicy.UseColor(environment.OutputIsTerminal, environment.NoColorVariable, request.NoColor, request.Output is not null),
            Width = environment.TerminalWidth,
            Tool = ToolInfo.For(typeof(DiagnoseCommand).Assembly),
        };
        var renderer = ReportRenderers.Create(request.Format, options);

        // Calls are rendered as the diagnosis finishes them (into a private spill file, deleted whatever happens);
        // the report keeps only counts, so memory does not grow with the calls.
        // With a second core, calls are rendered on a thread of their own while the diagnosis goes on.
        using var stream = BackgroundReportStream.IsWorthIt ? new BackgroundReportStream(renderer.OpenStream()) : renderer.OpenStream();
        DiagnosisReport report;
        try
        {
            if (TimeWindowOptions.NeedsLogEnd(request.Window, request.Log) &&
                !EntryFilter.TryCreate(request.Window, null, LogEnd.Find(LogSources.Open(request.Log, request.InputFormat), cancellationToken), now, out window, out windowError))
            {
                return CliApplication.Fail(environment, windowError);
            }

            var narrowed = window.Range.IsUnbounded ? null : window;
            var (totalBytes, fromOffsets) = InputSources.Measure(request.Log);
            var display = environment.ProgressDisplay(request.Quiet);
            report = display.Run(Path.GetFileName(request.Log.TrimEnd('/', '\\')), totalBytes, sink =>
                environment.Diagnosis.Diagnose(request.Log, request.InputFormat,
                    new DiagnosisInputOptions(narrowed, sink is null ? null : new ProgressMeter(sink, totalBytes, fromOffsets, display.Interval)), stream, cancellationToken));
        }
        catch (ReportSpillException ex)
        {
            return CliApplication.Fail(environment, SpillFailure(ex));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidDataException)
        {
            return CliApplication.Fail(environment, $"cannot read {request.Log}: {ex.Message}");
        }

        try
        {
            if (request.Output is { } file)
            {
                try
                {
                    using var writer = new StreamWriter(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    stream.Complete(report, writer);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not ReportSpillException)
                {
                    return CliApplication.Fail(environment, $"cannot write {file}: {ex.Message}");
                }
            }
            else
            {
                stream.Complete(report, environment.Output);
                environment.Output.Flush();
            }
        }
        catch (ReportSpillException ex)
        {
            return CliApplication.Fail(environment, SpillFailure(ex));
        }

        if (failOn.IsEmpty)
        {
            return ExitCodes.Success;
        }

        var matches = failOn.Matches(report);
        if (matches.Count == 0)
        {
            return ExitCodes.Success;
        }

        environment.Error.WriteLine($"callkit-doctor: --fail-on: found {string.Join(", ", matches.Select(m => $"{m.Id} ({m.Count})"))}");
        return ExitCodes.FailOnFinding;
    }

    /// <summary>The one-line reason for a failed spill file: the log was fine, the temporary folder was not.</summary>
    private static string SpillFailure(ReportSpillException exception) =>
        $"{exception.Message} (set TMPDIR to a folder with room for the report)";

    private sealed record DiagnoseRequest(string Log, ReportFormat Format, string? Output, LogInputFormat InputFormat, string[] FailOn, bool NoColor,
        EntryFilterOptions Window, bool Quiet);
}
