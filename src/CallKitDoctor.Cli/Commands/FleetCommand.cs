using System.CommandLine;
using System.Globalization;
using System.Text;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Output;
using CallKitDoctor.Cli.Progress;
using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Diagnoses;
using CallKitDoctor.Fleet.Engine;
using CallKitDoctor.Fleet.Generation;
using CallKitDoctor.Fleet.Output;
using CallKitDoctor.Fleet.Output.Html;
using CallKitDoctor.Fleet.Telemetry;

namespace CallKitDoctor.Cli.Commands;

/// <summary>
/// <c>callkit-doctor fleet INPUT… [--by COL[,COL]] [--format text|json|csv] [--html FILE] [--compare COL=A,B]
/// [--release-scan] [--rollout-date YYYY-MM-DD] [--workaround-effect] [--map COL=FILE_COL] [--input-format …] [--jobs N]
/// [--daily] [--output FILE]</c>: failure rates with Wilson intervals over call telemetry (CSV, JSON Lines, Parquet) or
/// over diagnoses (<c>diagnose --format json</c> reports, or logs and sysdiagnoses diagnosed in parallel), comparisons
/// between groups and the findings breakdown. <c>callkit-doctor fleet generate OUTPUT</c> writes a seeded synthetic fleet.
/// </summary>
internal static class FleetCommand
{
    private static readonly string[] Formats = ["text", "json", "csv"];
    private static readonly string[] InputFormats = ["auto", "csv", "jsonl", "parquet", "diagnoses"];

    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string[]>("INPUT")
        {
            Description = "Call telemetry, one file with one row per call: CSV (with a header), JSON Lines or Parquet (see docs/fleet-telemetry.md); "
                + "or diagnoses: `diagnose --format json` reports, logs and sysdiagnoses (files or folders, several allowed).",
            Arity = ArgumentArity.OneOrMore,
        };
        var by = new Option<string?>("--by") { Description = "Group by these columns (comma-separated), e.g. os_version or app_version,direction.", HelpName = "COL[,COL]" };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var compare = new Option<string?>("--compare") { Description = "Compare two groups: COLUMN=BASELINE,CANDIDATE (e.g. os_version=18.4,18.4.1).", HelpName = "COL=A,B" };
        var releaseScan = new Option<bool>("--release-scan") { Description = "Compare each os_version with the previous one and flag significant increases." };
        var rolloutDate = new Option<string?>("--rollout-date") { Description = "Compare calls before this UTC date with calls from it on, overall and within os_version.", HelpName = "YYYY-MM-DD" };
        var workaround = new Option<bool>("--workaround-effect") { Description = "Compare workaround=false with workaround=true, overall and within os_version." };
        var map = new Option<string[]>("--map") { Description = "Read a documented column from another file column: did_activate=activated (repeatable).", HelpName = "COL=FILE_COL" };
        var inputFormat = new Option<string>("--input-format") { Description = "The input's layout; `auto` goes by the extension (and a .json file's start); `diagnoses` reads reports and diagnoses logs.", DefaultValueFactory = _ => "auto" };
        inputFormat.AcceptOnlyFromAmong(InputFormats);
        var daily = new Option<bool>("--daily") { Description = "Also print calls and failures per day in the text output (always in JSON)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output.", HelpName = "FILE" };
        var noColor = new Option<bool>("--no-color") { Description = "Never use colours in the text output." };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML page with charts to FILE.", HelpName = "FILE" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Diagnose at most N logs at a time.", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var noProgress = new Option<bool>("--no-progress") { Description = "Same as --quiet." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display on stderr (it is drawn there only when stderr is a terminal)." };

        var command = new Command("fleet", "Failure rates with confidence intervals across a fleet's call telemetry, and comparisons across releases and rollouts.")
        {
            file, by, format, compare, releaseScan, rolloutDate, workaround, map, inputFormat, daily, output, noColor, html, jobs, noProgress, quiet,
        };
        command.Subcommands.Add(CreateGenerate(environment));
        command.SetAction((parse, cancellationToken) => RunAsync(environment, new FleetArguments(
            parse.GetRequiredValue(file),
            parse.GetValue(by),
            parse.GetValue(format) ?? "text",
            parse.GetValue(compare),
            parse.GetValue(releaseScan),
            parse.GetValue(rolloutDate),
            parse.GetValue(workaround),
            parse.GetValue(map) ?? [],
            parse.GetValue(inputFormat) ?? "auto",
            parse.GetValue(daily),
            parse.GetValue(output),
            parse.GetValue(noColor),
            parse.GetValue(html),
            parse.GetValue(jobs),
            parse.GetValue(noProgress) || parse.GetValue(quiet)), cancellationToken));
        return command;
    }

    private static Command CreateGenerate(CliEnvironment environment)
    {
        var path = new Argument<string>("OUTPUT") { Description = "The file to write: .csv, or .parquet." };
        var calls = new Option<long>("--calls") { Description = "Number of calls.", DefaultValueFactory = _ => 3_000_000 };
        var days = new Option<int>("--days") { Description = "Number of days.", DefaultValueFactory = _ => 28 };
        var seed = new Option<int>("--seed") { Description = "Random seed (the same seed gives the same file).", DefaultValueFactory = _ => 20250415 };
        var command = new Command("generate", "Write a seeded SYNTHETIC fleet: a higher failure rate on iOS 18.4.1 and a workaround rollout halfway that cuts failures 5×.")
        {
            path, calls, days, seed,
        };
        command.SetAction(parse =>
        {
            var options = new FleetGeneratorOptions { Calls = parse.GetValue(calls), Days = parse.GetValue(days), Seed = parse.GetValue(seed) };
            if (options.Calls <= 0 || options.Days <= 0)
            {
                return CliApplication.Fail(environment, "--calls and --days must be positive");
            }

            var target = parse.GetRequiredValue(path);
            try
            {
                FleetGenerator.Write(target, options);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return CliApplication.Fail(environment, $"cannot write {target}: {ex.Message}");
            }

            environment.Error.WriteLine($"callkit-doctor: wrote {options.Calls:N0} synthetic calls over {options.Days} days to {target} (rollout {options.RolloutDate:yyyy-MM-dd})");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, FleetArguments arguments, CancellationToken cancellationToken)
    {
        var mapping = ColumnMapping.Parse(arguments.Map, out var mapError);
        if (mapping is null)
        {
            return CliApplication.Fail(environment, mapError!);
        }

        PairRequest? pair = null;
        if (arguments.Compare is { } compareText && (pair = PairRequest.Parse(compareText, out var compareError)) is null)
        {
            return CliApplication.Fail(environment, compareError!);
        }

        DateOnly? rollout = null;
        if (arguments.RolloutDate is { } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return CliApplication.Fail(environment, $"--rollout-date expects YYYY-MM-DD, got '{dateText}'");
            }

            rollout = date;
        }

        if (arguments.Jobs <= 0)
        {
            return CliApplication.Fail(environment, "--jobs must be positive");
        }

        var request = new FleetRequest
        {
            GroupBy = arguments.By?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            Compare = pair,
            ReleaseScan = arguments.ReleaseScan,
            RolloutDate = rollout,
            WorkaroundEffect = arguments.WorkaroundEffect,
            Charts = arguments.Html is not null,
        };

        var telemetry = arguments.InputFormat switch
        {
            "csv" or "jsonl" or "parquet" => true,
            "diagnoses" => false,
            _ => arguments.Files.Length == 1 && TelemetryFile.LooksLikeTelemetry(arguments.Files[0], mapping),
        };
        if (telemetry && arguments.Files.Length != 1)
        {
            return CliApplication.Fail(environment, "telemetry is read from one file (diagnoses may come from many: --input-format diagnoses)");
        }

        if (arguments.Files.FirstOrDefault(f => !File.Exists(f) && !Directory.Exists(f)) is { } missing)
        {
            return CliApplication.Fail(environment, $"cannot read {missing}: no such file or directory");
        }

        FleetResult result;
        try
        {
            using var table = telemetry
                ? TelemetryTable.Open(TelemetryInput(arguments.Files[0], arguments.InputFormat), mapping)
                : await OpenDiagnosesAsync(environment, arguments, cancellationToken).ConfigureAwait(false);
            result = FleetAnalyzer.Analyze(table, request);
        }
        catch (FleetQueryException ex)
        {
            return CliApplication.Fail(environment, ex.Message);
        }

        try
        {
            if (arguments.Output is { } path)
            {
                using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                Render(environment, arguments, result, writer, toFile: true);
            }
            else
            {
                Render(environment, arguments, result, environment.Output, toFile: false);
                environment.Output.Flush();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CliApplication.Fail(environment, $"cannot write {arguments.Output}: {ex.Message}");
        }

        if (arguments.Html is { } htmlPath)
        {
            try
            {
                using var writer = new StreamWriter(htmlPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                FleetHtmlWriter.Write(result, writer);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return CliApplication.Fail(environment, $"cannot write {htmlPath}: {ex.Message}");
            }
        }

        if (result.Load.BadRowCount > 0)
        {
            var first = result.Load.BadRows[0];
            environment.Error.WriteLine($"callkit-doctor: {result.Load.BadRowCount:N0} of {result.Load.RowsRead:N0} rows in {result.Load.Path} could not be used (first: {first})");
        }

        return ExitCodes.Success;
    }

    private static TelemetryFile TelemetryInput(string path, string inputFormat)
    {
        var detected = TelemetryFile.Detect(path);
        return inputFormat switch
        {
            "csv" => detected with { Format = TelemetryFormat.Csv },
            "jsonl" => detected with { Format = TelemetryFormat.JsonLines },
            "parquet" => detected with { Format = TelemetryFormat.Parquet },
            _ => detected,
        };
    }

    private static async Task<TelemetryTable> OpenDiagnosesAsync(CliEnvironment environment, FleetArguments arguments, CancellationToken cancellationToken)
    {
        var inputs = DiagnosisInputs.Expand(arguments.Files);
        if (inputs.Count == 0)
        {
            throw new FleetQueryException($"no files in {string.Join(", ", arguments.Files)}");
        }

        // The same progress display as show and diagnose, drawn by the thread that reports (the display is synchronous:
        // the diagnoses run on worker threads while it waits for them on a thread of its own).
        var display = environment.ProgressDisplay(arguments.Quiet);
        var label = inputs.Count == 1 ? Path.GetFileName(inputs[0].Path.TrimEnd(Path.DirectorySeparatorChar)) : $"{inputs.Count} inputs";
        var batch = await Task.Run(() => display.Run(label, inputs.Count, sink =>
            FleetDiagnoser.RunAsync(inputs, arguments.Jobs, sink is null ? null : new FleetProgress(sink, display.Interval), cancellationToken).GetAwaiter().GetResult(),
            ProgressUnit.Items), cancellationToken).ConfigureAwait(false);
        return TelemetryTable.FromDiagnoses(batch);
    }

    private static void Render(CliEnvironment environment, FleetArguments arguments, FleetResult result, TextWriter writer, bool toFile)
    {
        switch (arguments.Format)
        {
            case "json":
                FleetJsonWriter.Write(result, writer);
                break;
            case "csv":
                FleetCsvWriter.Write(result, writer);
                break;
            default:
                var color = ColorPolicy.UseColor(environment.OutputIsTerminal, environment.NoColorVariable, arguments.NoColor, toFile);
                FleetTerminalWriter.Write(result, writer, color, environment.TerminalWidth, arguments.Daily);
                break;
        }
    }

    private sealed record FleetArguments(
        string[] Files,
        string? By,
        string Format,
        string? Compare,
        bool ReleaseScan,
        string? RolloutDate,
        bool WorkaroundEffect,
        string[] Map,
        string InputFormat,
        bool Daily,
        string? Output,
        bool NoColor,
        string? Html,
        int Jobs,
        bool Quiet);
}
