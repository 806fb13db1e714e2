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

namespace CallKitDoctor.Reports.Terminal;

/// <summary>
/// The readable terminal report: device and app context, what was read (unparsed lines always stated), the log
/// window, then per call its header, a short timeline of the key lines, its findings with evidence and fixes;
/// then the findings about the whole log and a summary line. Colours only when <see cref="RenderOptions.Color"/>.
/// </summary>
public sealed class TerminalReportRenderer(RenderOptions options) : IReportRenderer, ITextReportLayout
{
    private const int MaxEvidenceLines = 8;
    private const int MaxIssuesShown = 10;

    public TerminalReportRenderer()
        : this(new RenderOptions())
    {
    }

    private readonly int _width = Math.Max(options.Width, 60);

    public ReportFormat Format => ReportFormat.Text;

    public void Render(DiagnosisReport report, TextWriter output) => WriteDocument(report, output, null);

    public ReportStream OpenStream() => new TextReportStream(this);

    Action<CallFlow> ITextReportLayout.CallWriter(TextWriter target)
    {
        var writer = CreateWriter(target);
        return call => WriteCall(writer, call);
    }

    void ITextReportLayout.WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls) =>
        WriteDocument(report, output, streamedCalls);

    private void WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls)
    {
        var writer = CreateWriter(output);
        WriteHeader(writer, report);
        streamedCalls?.Invoke(output);
        foreach (var call in report.Calls)
        {
            WriteCall(writer, call);
        }

        if (report.CallCount == 0)
        {
            writer.BlankLine();
            writer.Part("No calls were recognised in this log.", TerminalStyles.Dim).EndLine();
        }

        if (report.Findings.Count > 0)
        {
            writer.BlankLine();
            writer.Rule();
            writer.Part("Log findings", TerminalStyles.Heading).EndLine();
            foreach (var finding in report.Findings)
            {
                WriteFinding(writer, finding);
            }
        }

        writer.BlankLine();
        writer.Part("Summary: ", TerminalStyles.Heading).Part(ReportSummary.Of(report).ToString(), TerminalStyles.Plain).EndLine();
        output.Flush();
    }

    private TerminalLineWriter CreateWriter(TextWriter output) => new(output, options.Color, _width, CreateConsole);

    /// <summary>The Spectre.Console console the rare lines that need its wrapping are written through.</summary>
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

    private void WriteHeader(TerminalLineWriter writer, DiagnosisReport report)
    {
        var input = report.Input;
        writer.Part("CallKit Doctor", TerminalStyles.Heading).Part($" {options.Tool.Version} — diagnosis of {input.Source}", TerminalStyles.Plain).EndLine();

        var context = report.Context;
        var device = Join(" · ",
            Join(" ", context.OsVersion, context.OsBuild is null ? null : $"({context.OsBuild})"),
            context.DeviceModel,
            context.TimeZoneName,
            context.CaptureTime is { } t ? "captured " + TimestampText.Iso(t) : null);
        Field(writer, "Device", device.Length > 0 ? device : "not stated in the log");
        var app = Join(" ", context.AppName, context.AppVersion);
        if (app.Length > 0)
        {
            Field(writer, "App", app);
        }

        var unparsed = input.UnparsedLines == 0
            ? "no unparsed lines"
            : $"{Count(input.UnparsedLines, "unparsed line")} (kept as bare entries; first at line {string.Join(", ", input.UnparsedLineNumbers.Take(5))})";
        Field(writer, "Input", $"{input.Format.ToName()} · {Count(input.Lines, "line")} · {Count(input.Entries, "entry", "entries")} · {unparsed} · {Count(input.IssueCount, "reading issue")}{(input.IsPartial ? " · PARTIAL read" : "")}",
            input.UnparsedLines > 0 || input.IsPartial ? TerminalStyles.For(Tone.Caution) : TerminalStyles.Plain);
        foreach (var issue in input.Issues.Take(MaxIssuesShown))
        {
            writer.Part("           " + issue, TerminalStyles.For(issue.Severity == LogReadIssueSeverity.Error ? Tone.Bad : Tone.Caution)).EndLine();
        }

        if (input.IssueCount > MaxIssuesShown)
        {
            writer.Part($"           … {input.IssueCount - MaxIssuesShown} more reading issues (see --format json)", TerminalStyles.Dim).EndLine();
        }

        var coverage = report.Coverage;
        var window = coverage.First is { } first && coverage.Last is { } last
            ? $"{first} → {last} ({Duration(last.Subtract(first))}) · {Count(coverage.Processes.Count, "process", "processes")}"
            : "no timestamps in the log";
        Field(writer, "Window", window);
        Field(writer, "Calls", $"{report.CallCount} · {Count(report.RecognisedEvents, "recognised event")}");
    }

    private void WriteCall(TerminalLineWriter writer, CallFlow call)
    {
        writer.BlankLine();
        writer.Rule();
        var tone = ToneMap.Of(call.Verdict);
        // "Call N · direction · process · UUID … · start": the parts that have something to say, joined.
        writer.Part(TerminalStyles.Heading).Append("Call ").Formatted(call.Index);
        JoinPart(writer, call.Direction.ToName());
        JoinPart(writer, call.AppProcess);
        if (call.CallUuid is { } uuid)
        {
            writer.Append(" · UUID ");
            Span<char> lower = stackalloc char[36];
            uuid.TryFormat(lower, out var written, "D");
            writer.Advance(lower[..written].ToUpperInvariant(writer.Reserve(written)));
        }

        if (call.Start is { } start)
        {
            writer.Append(" · ");
            writer.Advance(TimestampText.FormatLog(start, writer.Reserve(TimestampText.MaxLength)));
        }

        writer.Part("  ", TerminalStyles.Plain).Part(TerminalStyles.For(tone, bold: true));
        var verdict = call.Verdict.ToName();
        verdict.AsSpan().ToUpperInvariant(writer.Reserve(verdict.Length));
        writer.Advance(verdict.Length);
        writer.EndLine();
        if (!string.IsNullOrWhiteSpace(call.VerdictReason))
        {
            Wrapped(writer, 2, call.VerdictReason, TerminalStyles.For(tone));
        }

        if (call.Events.Count > 0)
        {
            writer.BlankLine();
            writer.Part("  Timeline", TerminalStyles.Heading).EndLine();
            var shown = Math.Min(call.Events.Count, Math.Max(options.MaxTimelineEvents, 0));
            var processWidth = 0;
            var kindWidth = 0;
            for (var i = 0; i < shown; i++)
            {
                var e = call.Events[i];
                processWidth = Math.Max(processWidth, (e.Entry.Process ?? "?").Length);
                kindWidth = Math.Max(kindWidth, e.Kind.ToName().Length);
            }

            processWidth = Math.Min(20, processWidth);
            var messageWidth = Math.Max(40, Math.Min(_width - (4 + 15 + 2 + processWidth + 2 + kindWidth + 2), options.MaxExcerptLength));
            for (var i = 0; i < shown; i++)
            {
                var e = call.Events[i];
                writer.Part(TerminalStyles.Time).Spaces(4);
                var time = TimestampText.FormatTimeOfDay(e.Timestamp, writer.Reserve(TimestampText.MaxLength));
                writer.Advance(time);
                writer.Spaces(15 - time).Spaces(2);

                writer.Part(TerminalStyles.Process);
                var process = Excerpt.Write(e.Entry.Process ?? "?", processWidth, writer.Reserve(Excerpt.Capacity(processWidth)));
                writer.Advance(process);
                writer.Spaces(processWidth - process).Spaces(2);

                var kind = e.Kind.ToName();
                writer.Part(TerminalStyles.For(ToneMap.Of(e.Kind))).Padded(kind, kindWidth).Spaces(2);

                writer.Part(TerminalStyles.Plain);
                writer.Advance(Excerpt.Write(e.Entry.EventMessage, messageWidth, writer.Reserve(Excerpt.Capacity(messageWidth))));
                writer.EndLine();
            }

            if (call.Events.Count > options.MaxTimelineEvents)
            {
                writer.Part($"    … {call.Events.Count - options.MaxTimelineEvents} more events (all of them in --format json or html)", TerminalStyles.Dim).EndLine();
            }
        }

        if (call.Findings.Count > 0)
        {
            writer.BlankLine();
            writer.Part("  Findings", TerminalStyles.Heading).EndLine();
            foreach (var finding in call.Findings)
            {
                WriteFinding(writer, finding);
            }
        }
    }

    private static void JoinPart(TerminalLineWriter writer, string? part)
    {
        if (!string.IsNullOrWhiteSpace(part))
        {
            writer.Append(" · ").Append(part);
        }
    }

    private void WriteFinding(TerminalLineWriter writer, Finding finding)
    {
        var tone = ToneMap.Of(finding.Severity);
        var mark = finding.Severity switch
        {
            FindingSeverity.Error => "✖",
            FindingSeverity.Warning => "▲",
            _ => "●",
        };
        var style = TerminalStyles.For(tone, bold: true);
        writer.Part(style).Append("  ").Append(mark).Append(" ").Append(finding.Severity.ToName()).Append(" ")
            .Part(finding.Id, style)
            .Part(TerminalStyles.Heading).Append("  ").Append(finding.Descriptor.Title)
            .EndLine();
        if (!string.IsNullOrWhiteSpace(finding.Message))
        {
            Wrapped(writer, 6, finding.Message, TerminalStyles.Plain);
        }

        foreach (var evidence in finding.Evidence)
        {
            writer.Part(TerminalStyles.Process).Spaces(6).Append(EvidenceText.Where(evidence)).Part(TerminalStyles.Dim);
            if (evidence.Note is not null)
            {
                writer.Append("  ← ").Append(evidence.Note);
            }

            writer.EndLine();
            var text = evidence.Text.AsSpan();
            var lines = 0;
            foreach (var range in text.Split('\n'))
            {
                if (++lines > MaxEvidenceLines)
                {
                    continue;
                }

                Wrapped(writer, 8, text[range].TrimEnd(), TerminalStyles.Dim);
            }

            if (lines > MaxEvidenceLines)
            {
                writer.Part($"        … {lines - MaxEvidenceLines} more lines", TerminalStyles.Dim).EndLine();
            }
        }

        if (!string.IsNullOrWhiteSpace(finding.Descriptor.Recommendation))
        {
            Wrapped(writer, 6, finding.Descriptor.Recommendation, TerminalStyles.Plain, "Fix: ", TerminalStyles.For(Tone.Good, bold: true));
        }
    }

    private static void Field(TerminalLineWriter writer, string label, string value, TerminalStyle style = TerminalStyle.Plain) =>
        writer.Part(TerminalStyles.Label).Padded(label, 8).Spaces(3).Part(value, style).EndLine();

    /// <summary>Writes <paramref name="text"/> word-wrapped at <paramref name="indent"/>, the first line after <paramref name="label"/>.</summary>
    private void Wrapped(TerminalLineWriter writer, int indent, ReadOnlySpan<char> text, TerminalStyle style, ReadOnlySpan<char> label = default, TerminalStyle labelStyle = TerminalStyle.Plain)
    {
        if (text.Contains('\r') || Utf16Text.HasLoneSurrogate(text))
        {
            text = WordWrap.WithoutCarriageReturns(Utf16Text.Sanitize(text.ToString()));
        }

        var first = true;
        foreach (var line in new WordWrap(text, _width - indent, _width - indent - label.Length))
        {
            if (first && !label.IsEmpty)
            {
                writer.Part(labelStyle).Spaces(indent).Append(label).Part(line, style).EndLine();
            }
            else
            {
                writer.Part(style).Spaces(indent).Append(line).EndLine();
            }

            first = false;
        }
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
