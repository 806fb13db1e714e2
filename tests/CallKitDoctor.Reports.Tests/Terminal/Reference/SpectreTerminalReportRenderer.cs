using System.Globalization;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Formatting;
using CallKitDoctor.Reports.Naming;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Streaming;
using CallKitDoctor.Reports.Summaries;
using CallKitDoctor.Reports.Tones;
using Spectre.Console;

namespace CallKitDoctor.Reports.Tests.Terminal.Reference;

/// <summary>
/// The terminal report as session 8 wrote it, through a Spectre.Console <see cref="Paragraph"/> per line: kept in the
/// tests only as the reference the direct writer must match byte for byte.
/// </summary>
internal sealed class SpectreTerminalReportRenderer(RenderOptions options) : IReportRenderer, ITextReportLayout
{
    private const int MaxEvidenceLines = 8;
    private const int MaxIssuesShown = 10;

    public SpectreTerminalReportRenderer()
        : this(new RenderOptions())
    {
    }

    private readonly int _width = Math.Max(options.Width, 60);

    public ReportFormat Format => ReportFormat.Text;

    public void Render(DiagnosisReport report, TextWriter output) => WriteDocument(report, output, null);

    public ReportStream OpenStream() => new TextReportStream(this);

    Action<CallFlow> ITextReportLayout.CallWriter(TextWriter target)
    {
        var console = CreateConsole(target);
        return call => WriteCall(console, call);
    }

    void ITextReportLayout.WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls) =>
        WriteDocument(report, output, streamedCalls);

    private void WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls)
    {
        var console = CreateConsole(output);
        WriteHeader(console, report);
        streamedCalls?.Invoke(output);
        foreach (var call in report.Calls)
        {
            WriteCall(console, call);
        }

        if (report.CallCount == 0)
        {
            console.WriteLine();
            Line(console, ("No calls were recognised in this log.", SpectreTerminalStyles.Dim));
        }

        if (report.Findings.Count > 0)
        {
            console.WriteLine();
            console.Write(new Rule().RuleStyle(SpectreTerminalStyles.Dim));
            Line(console, ("Log findings", SpectreTerminalStyles.Heading));
            foreach (var finding in report.Findings)
            {
                WriteFinding(console, finding);
            }
        }

        console.WriteLine();
        Line(console, ("Summary: ", SpectreTerminalStyles.Heading), (ReportSummary.Of(report).ToString(), SpectreTerminalStyles.Plain));
        output.Flush();
    }

    private IAnsiConsole CreateConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = options.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
            // No CI/terminal auto-detection: colour and width are decided by the caller alone.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = _width;
        return console;
    }

    private void WriteHeader(IAnsiConsole console, DiagnosisReport report)
    {
        var input = report.Input;
        Line(console, ("CallKit Doctor", SpectreTerminalStyles.Heading), ($" {options.Tool.Version} — diagnosis of {input.Source}", SpectreTerminalStyles.Plain));

        var context = report.Context;
        var device = Join(" · ",
            Join(" ", context.OsVersion, context.OsBuild is null ? null : $"({context.OsBuild})"),
            context.DeviceModel,
            context.TimeZoneName,
            context.CaptureTime is { } t ? "captured " + TimestampText.Iso(t) : null);
        Field(console, "Device", device.Length > 0 ? device : "not stated in the log");
        var app = Join(" ", context.AppName, context.AppVersion);
        if (app.Length > 0)
        {
            Field(console, "App", app);
        }

        var unparsed = input.UnparsedLines == 0
            ? "no unparsed lines"
            : $"{Count(input.UnparsedLines, "unparsed line")} (kept as bare entries; first at line {string.Join(", ", input.UnparsedLineNumbers.Take(5))})";
        Field(console, "Input", $"{input.Format.ToName()} · {Count(input.Lines, "line")} · {Count(input.Entries, "entry", "entries")} · {unparsed} · {Count(input.IssueCount, "reading issue")}{(input.IsPartial ? " · PARTIAL read" : "")}",
            input.UnparsedLines > 0 || input.IsPartial ? SpectreTerminalStyles.For(Tone.Caution) : SpectreTerminalStyles.Plain);
        foreach (var issue in input.Issues.Take(MaxIssuesShown))
        {
            Line(console, ("           " + issue, SpectreTerminalStyles.For(issue.Severity == LogReadIssueSeverity.Error ? Tone.Bad : Tone.Caution)));
        }

        if (input.IssueCount > MaxIssuesShown)
        {
            Line(console, ($"           … {input.IssueCount - MaxIssuesShown} more reading issues (see --format json)", SpectreTerminalStyles.Dim));
        }

        var coverage = report.Coverage;
        var window = coverage.First is { } first && coverage.Last is { } last
            ? $"{first} → {last} ({Duration(last.Subtract(first))}) · {Count(coverage.Processes.Count, "process", "processes")}"
            : "no timestamps in the log";
        Field(console, "Window", window);
        Field(console, "Calls", $"{report.CallCount} · {Count(report.RecognisedEvents, "recognised event")}");
    }

    private void WriteCall(IAnsiConsole console, CallFlow call)
    {
        console.WriteLine();
        console.Write(new Rule().RuleStyle(SpectreTerminalStyles.Dim));
        var tone = ToneMap.Of(call.Verdict);
        var header = Join(" · ",
            $"Call {call.Index}",
            call.Direction.ToName(),
            call.AppProcess,
            call.CallUuid is { } uuid ? "UUID " + uuid.ToString("D").ToUpperInvariant() : null,
            call.Start is { } start ? start.ToString() : null);
        Line(console, (header, SpectreTerminalStyles.Heading), ("  ", SpectreTerminalStyles.Plain), (call.Verdict.ToName().ToUpperInvariant(), SpectreTerminalStyles.For(tone, bold: true)));
        if (!string.IsNullOrWhiteSpace(call.VerdictReason))
        {
            Wrapped(console, 2, call.VerdictReason, SpectreTerminalStyles.For(tone));
        }

        if (call.Events.Count > 0)
        {
            console.WriteLine();
            Line(console, ("  Timeline", SpectreTerminalStyles.Heading));
            var shown = call.Events.Take(options.MaxTimelineEvents).ToList();
            var processWidth = Math.Min(20, shown.Max(e => (e.Entry.Process ?? "?").Length));
            var kindWidth = shown.Max(e => e.Kind.ToName().Length);
            var messageWidth = Math.Clamp(_width - (4 + 15 + 2 + processWidth + 2 + kindWidth + 2), 40, options.MaxExcerptLength);
            foreach (var e in shown)
            {
                Line(console,
                    ("    " + TimestampText.TimeOfDay(e.Timestamp).PadRight(15) + "  ", SpectreTerminalStyles.Time),
                    (Excerpt.Of(e.Entry.Process ?? "?", processWidth).PadRight(processWidth) + "  ", SpectreTerminalStyles.Process),
                    (e.Kind.ToName().PadRight(kindWidth) + "  ", SpectreTerminalStyles.For(ToneMap.Of(e.Kind))),
                    (Excerpt.Of(e.Entry.EventMessage, messageWidth), SpectreTerminalStyles.Plain));
            }
            if (call.Events.Count > options.MaxTimelineEvents)
            {
                Line(console, ($"    … {call.Events.Count - options.MaxTimelineEvents} more events (all of them in --format json or html)", SpectreTerminalStyles.Dim));
            }
        }

        if (call.Findings.Count > 0)
        {
            console.WriteLine();
            Line(console, ("  Findings", SpectreTerminalStyles.Heading));
            foreach (var finding in call.Findings)
            {
                WriteFinding(console, finding);
            }
        }
    }

    private void WriteFinding(IAnsiConsole console, Finding finding)
    {
        var tone = ToneMap.Of(finding.Severity);
        var mark = finding.Severity switch
        {
            FindingSeverity.Error => "✖",
            FindingSeverity.Warning => "▲",
            _ => "●",
        };
        Line(console,
            ($"  {mark} {finding.Severity.ToName()} ", SpectreTerminalStyles.For(tone, bold: true)),
            (finding.Id, SpectreTerminalStyles.For(tone, bold: true)),
            ("  " + finding.Descriptor.Title, SpectreTerminalStyles.Heading));
        if (!string.IsNullOrWhiteSpace(finding.Message))
        {
            Wrapped(console, 6, finding.Message, SpectreTerminalStyles.Plain);
        }

        foreach (var evidence in finding.Evidence)
        {
            var where = EvidenceText.Where(evidence);
            Line(console, ("      " + where, SpectreTerminalStyles.Process), (evidence.Note is null ? "" : "  ← " + evidence.Note, SpectreTerminalStyles.Dim));
            var lines = evidence.Text.Split('\n');
            foreach (var line in lines.Take(MaxEvidenceLines))
            {
                Wrapped(console, 8, line.TrimEnd(), SpectreTerminalStyles.Dim);
            }

            if (lines.Length > MaxEvidenceLines)
            {
                Line(console, ($"        … {lines.Length - MaxEvidenceLines} more lines", SpectreTerminalStyles.Dim));
            }
        }

        if (!string.IsNullOrWhiteSpace(finding.Descriptor.Recommendation))
        {
            Wrapped(console, 6, finding.Descriptor.Recommendation, SpectreTerminalStyles.Plain, ("Fix: ", SpectreTerminalStyles.For(Tone.Good, bold: true)));
        }
    }

    private static void Field(IAnsiConsole console, string label, string value, Style? style = null) =>
        Line(console, ($"{label,-8}   ", SpectreTerminalStyles.Label), (value, style ?? SpectreTerminalStyles.Plain));

    private void Wrapped(IAnsiConsole console, int indent, string text, Style style, (string Text, Style Style)? label = null)
    {
        var pad = new string(' ', indent);
        var first = true;
        foreach (var line in ReferenceWordWrap.Lines(Utf16Text.Sanitize(text), _width - indent, _width - indent - (label?.Text.Length ?? 0)))
        {
            if (first && label is { } l)
            {
                Line(console, (pad + l.Text, l.Style), (line, style));
            }
            else
            {
                Line(console, (pad + line, style));
            }

            first = false;
        }
    }

    private static void Line(IAnsiConsole console, params (string Text, Style Style)[] parts)
    {
        var paragraph = new Paragraph();
        foreach (var (text, style) in parts)
        {
            paragraph.Append(Utf16Text.Sanitize(text), style);
        }

        console.Write(paragraph);
        console.WriteLine();
    }

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Count(long n, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:#,0} {(n == 1 ? singular : plural ?? singular + "s")}");

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m"
        : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds}s"
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###}s");
}
