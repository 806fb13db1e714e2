using System.CommandLine;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Logging.Output;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified;

namespace CallKitDoctor.Cli.Commands;

/// <summary>
/// <c>callkit-doctor show PATH [--style ndjson|json|default|compact|syslog|csv] [--strings DIR] [--timesync DIR]
/// [--order time|file] [--output FILE]</c>: prints the entries of a tracev3 file, a logarchive-like folder (in time order across files) or
/// any text log the readers accept, in a <c>log show</c> style. Exit 0 when all was read, 1 when the read was partial
/// (each error on stderr with file and byte offset), 2 for bad usage or unreadable input.
/// </summary>
internal static class ShowCommand
{
    /// <summary>Exit code when some of the input could not be read (the rest was printed).</summary>
    public const int PartialRead = 1;

    private const int MaxListedIssues = 20;

    public static Command Create(CliEnvironment environment)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "A tracev3 file, a folder laid out like a logarchive or diagnostics directory, or a text log.",
        };
        var style = new Option<string>("--style")
        {
            Description = "Output style, as `log show --style`.",
            DefaultValueFactory = _ => "default",
        };
        style.AcceptOnlyFromAmong("default", "compact", "syslog", "json", "ndjson", "csv");
        var strings = new Option<string?>("--strings") { Description = "The uuidtext folder (with XX/ sub folders and dsc/).", HelpName = "DIR" };
        var timesync = new Option<string?>("--timesync") { Description = "The timesync folder.", HelpName = "DIR" };
        var order = new Option<string>("--order")
        {
            Description = "For a folder of tracev3 files: `time` merges their entries by time (each file's order kept), `file` prints one file after another.",
            DefaultValueFactory = _ => "time",
        };
        order.AcceptOnlyFromAmong("time", "file");
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output.", HelpName = "FILE" };
        var command = new Command("show", "Print the entries of a unified log (tracev3, logarchive folder) or text log in a `log show` style.")
        {
            path, style, strings, timesync, order, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var chosen = LogEntryWriter.TryParseStyle(parse.GetValue(style), out var parsed) ? parsed : LogOutputStyle.Default;
            return Task.FromResult(Run(environment, parse.GetRequiredValue(path), chosen, parse.GetValue(strings), parse.GetValue(timesync),
                parse.GetValue(order) != "file", parse.GetValue(output), cancellationToken));
        });
        return command;
    }

    private static int Run(CliEnvironment environment, string path, LogOutputStyle style, string? strings, string? timesync, bool timeOrder,
        string? outputFile, CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { strings, timesync })
        {
            if (folder is not null && !Directory.Exists(folder))
            {
                return CliApplication.Fail(environment, $"no such folder: {folder}");
            }
        }

        ILogEntrySource source;
        try
        {
            source = Open(path, strings, timesync, timeOrder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidDataException)
        {
            return CliApplication.Fail(environment, $"cannot read {path}: {ex.Message}");
        }

        Stream stream;
        try
        {
            stream = OpenOutput(environment, outputFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CliApplication.Fail(environment, $"cannot write {outputFile}: {ex.Message}");
        }

        try
        {
            using var writer = LogEntryWriter.Create(style, stream);
            foreach (var entry in source.ReadEntries(cancellationToken))
            {
                writer.Write(entry);
            }

            writer.Complete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CliApplication.Fail(environment, $"cannot read {path}: {ex.Message}");
        }
        finally
        {
            if (outputFile is not null || stream is TextWriterStream)
            {
                stream.Dispose();
            }
        }

        return Report(environment, source.Summary);
    }

    private static ILogEntrySource Open(string path, string? strings, string? timesync, bool timeOrder)
    {
        if (path != "-" && !File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException("no such file or directory", path);
        }

        var unified = Directory.Exists(path) || path.EndsWith(".tracev3", StringComparison.OrdinalIgnoreCase) || strings is not null || timesync is not null;
        if (!unified)
        {
            var opened = LogSources.Open(path);
            if (opened is not UnifiedLogSource)
            {
                return opened;
            }
        }

        return new UnifiedLogSource(path, new UnifiedLogOptions
        {
            StringsDirectory = strings,
            TimesyncDirectory = timesync,
            TimeOrder = timeOrder,
        });
    }

    private static Stream OpenOutput(CliEnvironment environment, string? outputFile)
    {
        if (outputFile is not null)
        {
            return new FileStream(outputFile, FileMode.Create, FileAccess.Write, FileShare.Read, 1, FileOptions.SequentialScan);
        }

        if (environment.Output is StreamWriter writer)
        {
            writer.Flush();
            return writer.BaseStream;
        }

        return new TextWriterStream(environment.Output);
    }

    private static int Report(CliEnvironment environment, LogReadSummary summary)
    {
        var errors = summary.Issues.Where(i => i.Severity == LogReadIssueSeverity.Error).ToList();
        foreach (var issue in summary.Issues.Where(i => i.Severity == LogReadIssueSeverity.Warning).Take(MaxListedIssues))
        {
            environment.Error.WriteLine("callkit-doctor: " + issue);
        }

        if (errors.Count == 0)
        {
            return ExitCodes.Success;
        }

        foreach (var issue in errors.Take(MaxListedIssues))
        {
            environment.Error.WriteLine("callkit-doctor: " + issue);
        }

        if (errors.Count > MaxListedIssues)
        {
            environment.Error.WriteLine($"callkit-doctor: … and {errors.Count - MaxListedIssues} more errors");
        }

        environment.Error.WriteLine($"callkit-doctor: partial read of {summary.Source}: {summary.Entries} entries printed, {summary.IssueCount} problems");
        return PartialRead;
    }
}
