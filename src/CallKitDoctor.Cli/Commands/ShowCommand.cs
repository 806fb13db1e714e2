using System.CommandLine;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Progress;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Time;
using CallKitDoctor.Logging.Output;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified;

namespace CallKitDoctor.Cli.Commands;

/// <summary>
/// <c>callkit-doctor show PATH [--style ndjson|json|default|compact|syslog|csv] [--predicate P] [--start T] [--end T]
/// [--last 5m|2h|1d] [--info] [--debug] [--signpost] [--timezone local|UTC|NAME] [--strings DIR] [--timesync DIR]
/// [--order time|file] [--output FILE] [--quiet]</c>: prints the entries of a tracev3 file, a logarchive-like folder (in
/// time order across files), a sysdiagnose archive or any text log the readers accept, in a <c>log show</c> style and
/// with <c>log show</c>'s filters (info, debug and signposts are left out unless asked for). Exit 0 when all was read, 1
/// when the read was partial (each error on stderr with file and byte offset), 2 for bad usage, a bad predicate or time,
/// or unreadable input.
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
            Description = "A tracev3 file, a folder laid out like a logarchive or diagnostics directory, a sysdiagnose .tar.gz/.zip, or a text log.",
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
        var window = new TimeWindowOptions();
        var predicate = new Option<string?>("--predicate")
        {
            Description = "Only entries matching this NSPredicate-style filter, as `log show --predicate` (e.g. 'subsystem == \"com.apple.calls.callkit\"').",
            HelpName = "PREDICATE",
        };
        var info = new Option<bool>("--info") { Description = "Include info-level entries." };
        var debug = new Option<bool>("--debug") { Description = "Include debug-level entries (and info)." };
        var signpost = new Option<bool>("--signpost") { Description = "Include signposts." };
        var timezone = new Option<string?>("--timezone")
        {
            Description = "Print times in this zone: local, UTC or a name such as America/Los_Angeles (default, as log show: as the log records them, each entry at the device's offset when logged). Also the zone of --start/--end times written without an offset.",
            HelpName = "local|UTC|NAME",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display on stderr." };
        var command = new Command("show", "Print the entries of a unified log (tracev3, logarchive folder, sysdiagnose) or text log in a `log show` style.")
        {
            path, style, predicate, window.Start, window.End, window.Last, info, debug, signpost, timezone,
            strings, timesync, order, output, quiet,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var chosen = LogEntryWriter.TryParseStyle(parse.GetValue(style), out var parsed) ? parsed : LogOutputStyle.Default;
            var request = new ShowRequest(
                parse.GetRequiredValue(path),
                chosen,
                parse.GetValue(strings),
                parse.GetValue(timesync),
                parse.GetValue(order) != "file",
                parse.GetValue(output),
                new EntryFilterOptions(parse.GetValue(predicate), parse.GetValue(window.Start), parse.GetValue(window.End), parse.GetValue(window.Last),
                    parse.GetValue(info), parse.GetValue(debug), parse.GetValue(signpost)),
                parse.GetValue(timezone),
                parse.GetValue(quiet));
            return Task.FromResult(Run(environment, request, cancellationToken));
        });
        return command;
    }

    private static int Run(CliEnvironment environment, ShowRequest request, CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { request.Strings, request.Timesync })
        {
            if (folder is not null && !Directory.Exists(folder))
            {
                return CliApplication.Fail(environment, $"no such folder: {folder}");
            }
        }

        DisplayTimeZone? zone = null;
        if (request.TimeZone is not null && !DisplayTimeZone.TryParse(request.TimeZone, out zone, out var zoneError))
        {
            return CliApplication.Fail(environment, "--timezone: " + zoneError);
        }

        // Options first (a bad predicate or time fails before the input is touched), then the input's end for --last.
        var now = DateTimeOffset.Now;
        if (!EntryFilter.TryCreate(request.Filter, zone?.Zone, null, now, out var filter, out var filterError))
        {
            return CliApplication.Fail(environment, filterError);
        }

        if (request.Path != "-" && !File.Exists(request.Path) && !Directory.Exists(request.Path))
        {
            return CliApplication.Fail(environment, $"cannot read {request.Path}: no such file or directory");
        }

        var unified = UnifiedOptions(request);
        Func<string, EntryFilter?>? resolveFilter = null;
        EntryFilter? anchored = null;
        try
        {
            if (TimeWindowOptions.NeedsLogEnd(request.Filter, request.Path))
            {
                if (unified is null && IsSysdiagnose(request.Path))
                {
                    // A sysdiagnose's logarchive is on disk only once unpacked, which is the read itself: the reader gets
                    // the --last filter, anchored at the logarchive's end from its tracev3 headers, at that point
                    // (ArchiveOptions.ResolveFilter). Until then, and for what is outside the logarchive, --last is
                    // applied below from the same anchored filter.
                    EntryFilter.TryCreate(request.Filter with { Last = null }, zone?.Zone, null, now, out filter, out filterError);
                    resolveFilter = logArchive =>
                    {
                        var end = UnifiedLogEnd.Find(logArchive) ?? LogEnd.Find(new UnifiedLogSource(logArchive), cancellationToken);
                        EntryFilter.TryCreate(request.Filter, zone?.Zone, end, now, out anchored, out _);
                        return anchored;
                    };
                }
                else
                {
                    // tracev3 files: the end from their catalogs (headers only); text: one pass over the entries.
                    var logEnd = (unified is not null ? UnifiedLogEnd.Find(request.Path, request.Timesync) : null)
                        ?? LogEnd.Find(InputSources.Open(request.Path, LogInputFormat.Auto, null, null, unified), cancellationToken);
                    EntryFilter.TryCreate(request.Filter, zone?.Zone, logEnd, now, out filter, out filterError);
                }

                if (filter is null)
                {
                    return CliApplication.Fail(environment, filterError!);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidDataException)
        {
            return CliApplication.Fail(environment, $"cannot read {request.Path}: {ex.Message}");
        }

        Stream stream;
        try
        {
            stream = OpenOutput(environment, request.Output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CliApplication.Fail(environment, $"cannot write {request.Output}: {ex.Message}");
        }

        // Progress would interleave with entries printed on the same terminal: only when the entries go elsewhere.
        var display = environment.ProgressDisplay(request.Quiet || (environment.OutputIsTerminal && request.Output is null));
        var (totalBytes, fromOffsets) = InputSources.Measure(request.Path);
        try
        {
            return display.Run(Path.GetFileName(request.Path.TrimEnd('/', '\\')), totalBytes, sink =>
            {
                var meter = new ProgressMeter(sink, totalBytes, fromOffsets, display.Interval);
                if (unified is not null && zone is null && request.Style is LogOutputStyle.Ndjson or LogOutputStyle.Json)
                {
                    return WriteUnifiedJson(environment, request, unified, filter, meter, stream, cancellationToken);
                }

                var source = InputSources.Open(request.Path, LogInputFormat.Auto, filter, meter, unified, resolveFilter);
                using var writer = LogEntryWriter.Create(request.Style, stream);
                var printed = 0L;
                foreach (var entry in source.ReadEntries(cancellationToken))
                {
                    if (anchored is not null && !anchored.AcceptsTime(entry.Timestamp))
                    {
                        continue;
                    }

                    writer.Write(zone is null ? entry : ZonedLogEntry.Shift(entry, zone));
                    printed++;
                }

                writer.Complete();
                return Report(environment, source.Summary, printed);
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidDataException)
        {
            return CliApplication.Fail(environment, $"cannot read {request.Path}: {ex.Message}");
        }
        finally
        {
            if (request.Output is not null || stream is TextWriterStream)
            {
                stream.Dispose();
            }
        }
    }

    /// <summary>
    /// JSON and ndjson of tracev3 input: written by <see cref="UnifiedLogSource.WriteJson"/>, which sends events straight
    /// from the reader to the writer (the same bytes as the entry loop, at less cost per entry).
    /// </summary>
    private static int WriteUnifiedJson(CliEnvironment environment, ShowRequest request, UnifiedLogOptions unified, EntryFilter filter,
        ProgressMeter meter, Stream stream, CancellationToken cancellationToken)
    {
        var source = new UnifiedLogSource(request.Path, new UnifiedLogOptions
        {
            StringsDirectory = unified.StringsDirectory,
            TimesyncDirectory = unified.TimesyncDirectory,
            TimeOrder = unified.TimeOrder,
            DisplayPath = unified.DisplayPath,
            Filter = filter,
        });
        using var writer = (JsonEntryWriter)LogEntryWriter.Create(request.Style, stream);
        var finished = false;
        long printed;
        try
        {
            printed = source.WriteJson(writer, meter.IsActive ? meter.Entry : null, cancellationToken);
            finished = true;
        }
        finally
        {
            meter.Complete(finished);
        }

        writer.Complete();
        return Report(environment, source.Summary, printed);
    }

    /// <summary>
    /// Options for reading as tracev3 files (a logarchive or a folder of tracev3 files, a .tracev3, or --strings/--timesync
    /// given); null for other inputs, including a sysdiagnose folder (read like its .tar.gz: the logarchive inside it,
    /// then its crash reports).
    /// </summary>
    private static UnifiedLogOptions? UnifiedOptions(ShowRequest request)
    {
        var path = request.Path;
        var unified = (Directory.Exists(path) && !HoldsLogArchive(path)) || path.EndsWith(".tracev3", StringComparison.OrdinalIgnoreCase) ||
            request.Strings is not null || request.Timesync is not null;
        return unified
            ? new UnifiedLogOptions { StringsDirectory = request.Strings, TimesyncDirectory = request.Timesync, TimeOrder = request.TimeOrder }
            : null;
    }

    /// <summary>True for what is read as a sysdiagnose: a packed archive, or a folder holding a logarchive.</summary>
    private static bool IsSysdiagnose(string path) =>
        (File.Exists(path) && ArchiveDetector.Detect(path) is not null) || (Directory.Exists(path) && HoldsLogArchive(path));

    /// <summary>True for a folder with a <c>*.logarchive</c> folder inside it (an extracted sysdiagnose).</summary>
    private static bool HoldsLogArchive(string folder)
    {
        try
        {
            return Directory.EnumerateDirectories(folder, "*.logarchive", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                MaxRecursionDepth = 4,
                AttributesToSkip = FileAttributes.ReparsePoint,
                IgnoreInaccessible = true,
                MatchCasing = MatchCasing.CaseInsensitive,
            }).Any();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
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

    private static int Report(CliEnvironment environment, LogReadSummary summary, long printed)
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

        environment.Error.WriteLine($"callkit-doctor: partial read of {summary.Source}: {printed} entries printed, {summary.IssueCount} problems");
        return PartialRead;
    }

    private sealed record ShowRequest(string Path, LogOutputStyle Style, string? Strings, string? Timesync, bool TimeOrder, string? Output,
        EntryFilterOptions Filter, string? TimeZone, bool Quiet);
}
