using System.Buffers;
using System.Globalization;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Reports.Formatting;
using CallKitDoctor.Reports.Naming;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Streaming;
using CallKitDoctor.Reports.Summaries;

namespace CallKitDoctor.Reports.Markdown;

/// <summary>
/// A report to paste into a ticket: a heading, the context and input as a list, per call a timeline table and its
/// findings with the evidence lines in code blocks, then the log-level findings and the summary.
/// </summary>
public sealed class MarkdownReportRenderer(RenderOptions options) : IReportRenderer, ITextReportLayout
{
    public MarkdownReportRenderer()
        : this(new RenderOptions())
    {
    }

    public ReportFormat Format => ReportFormat.Markdown;

    public void Render(DiagnosisReport report, TextWriter output) => WriteDocument(report, output, null);

    public ReportStream OpenStream() => new TextReportStream(this);

    Action<CallFlow> ITextReportLayout.CallWriter(TextWriter target) => call => WriteCall(target, call);

    void ITextReportLayout.WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls) =>
        WriteDocument(report, output, streamedCalls);

    private void WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls)
    {
        var input = report.Input;
        output.WriteLine($"# CallKit Doctor report: {MarkdownText.Inline(Path.GetFileName(input.Source))}");
        output.WriteLine();
        output.WriteLine($"*{MarkdownText.Inline(options.Tool.Name)} {MarkdownText.Inline(options.Tool.Version)}, JSON schema {report.SchemaVersion}*");
        output.WriteLine();
        var c = report.Context;
        output.WriteLine($"- **Device:** {Or(Join(" ", c.OsVersion, c.OsBuild is null ? null : $"({c.OsBuild})", c.DeviceModel))}");
        output.WriteLine($"- **App:** {Or(Join(" ", c.AppName, c.AppVersion))}");
        if (c.CaptureTime is { } captured)
        {
            output.WriteLine($"- **Captured:** {TimestampText.Iso(captured)}{(c.TimeZoneName is null ? "" : " (" + MarkdownText.Inline(c.TimeZoneName) + ")")}");
        }

        output.WriteLine($"- **Input:** `{input.Source.Replace('`', '\'')}` read as {input.Format.ToName()}: {input.Lines} lines, {input.Entries} entries, " +
            $"**{input.UnparsedLines} unparsed lines**{(input.UnparsedLines > 0 ? $" (first at {string.Join(", ", input.UnparsedLineNumbers.Take(5))})" : "")}, " +
            $"{input.IssueCount} reading issues{(input.IsPartial ? " — **partial read**" : "")}");
        foreach (var issue in input.Issues.Take(20))
        {
            output.WriteLine($"  - {MarkdownText.Inline(issue.ToString())}");
        }

        var coverage = report.Coverage;
        output.WriteLine(coverage.First is { } first && coverage.Last is { } last
            ? $"- **Log window:** {first} → {last}, {coverage.Processes.Count} processes"
            : "- **Log window:** no timestamps in the log");
        output.WriteLine($"- **Calls:** {report.CallCount}, {report.RecognisedEvents} recognised events");
        output.WriteLine();
        streamedCalls?.Invoke(output);

        foreach (var call in report.Calls)
        {
            WriteCall(output, call);
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine("## Log findings");
            output.WriteLine();
            foreach (var finding in report.Findings)
            {
                WriteFinding(output, finding, "###");
            }
        }

        output.WriteLine("## Summary");
        output.WriteLine();
        output.WriteLine(MarkdownText.Inline(ReportSummary.Of(report).ToString()));
        output.Flush();
    }

    private void WriteCall(TextWriter output, CallFlow call)
    {
        var uuid = call.CallUuid is { } u ? $" · `{u.ToString("D").ToUpperInvariant()}`" : "";
        output.WriteLine($"## Call {call.Index} · {call.Direction.ToName()}{uuid} · **{call.Verdict.ToName()}**");
        output.WriteLine();
        if (!string.IsNullOrWhiteSpace(call.VerdictReason))
        {
            output.WriteLine($"> {MarkdownText.Inline(call.VerdictReason)}");
            output.WriteLine();
        }

        if (call.Events.Count > 0)
        {
            output.WriteLine("| Time | Process | Event | Line | Message |");
            output.WriteLine("| --- | --- | --- | ---: | --- |");
            var excerpt = ArrayPool<char>.Shared.Rent(Excerpt.Capacity(options.MaxExcerptLength));
            Span<char> text = stackalloc char[TimestampText.MaxLength];
            var shown = Math.Min(call.Events.Count, Math.Max(options.MaxTimelineEvents, 0));
            for (var i = 0; i < shown; i++)
            {
                // | time | process | kind | line | message |, written piece by piece.
                var e = call.Events[i];
                output.Write("| ");
                output.Write(text[..TimestampText.FormatTimeOfDay(e.Timestamp, text)]);
                output.Write(" | ");
                MarkdownText.WriteCell(output, e.Entry.Process);
                output.Write(" | ");
                output.Write(e.Kind.ToName());
                output.Write(" | ");
                if (e.Entry.Location.Line > 0)
                {
                    e.Entry.Location.Line.TryFormat(text, out var digits, default, CultureInfo.InvariantCulture);
                    output.Write(text[..digits]);
                }

                output.Write(" | ");
                MarkdownText.WriteCell(output, excerpt.AsSpan(0, Excerpt.Write(e.Entry.EventMessage, options.MaxExcerptLength, excerpt)));
                output.WriteLine(" |");
            }

            ArrayPool<char>.Shared.Return(excerpt);
            if (call.Events.Count > options.MaxTimelineEvents)
            {
                output.WriteLine($"| | | | | *… {call.Events.Count - options.MaxTimelineEvents} more events* |");
            }

            output.WriteLine();
        }

        foreach (var finding in call.Findings)
        {
            WriteFinding(output, finding, "###");
        }
    }

    private static void WriteFinding(TextWriter output, Finding finding, string heading)
    {
        output.WriteLine($"{heading} {finding.Severity.ToName()}: `{finding.Id}` — {MarkdownText.Inline(finding.Descriptor.Title)}");
        output.WriteLine();
        if (!string.IsNullOrWhiteSpace(finding.Message))
        {
            output.WriteLine(MarkdownText.Inline(finding.Message));
            output.WriteLine();
        }

        foreach (var evidence in finding.Evidence)
        {
            output.WriteLine($"Evidence `{EvidenceText.Where(evidence).Replace('`', '\'')}`{(evidence.Note is null ? "" : " — " + MarkdownText.Inline(evidence.Note))}:");
            output.WriteLine();
            var text = Utf16Text.Sanitize(evidence.Text);
            var fence = MarkdownText.FenceFor(text);
            output.WriteLine(fence);
            output.WriteLine(text);
            output.WriteLine(fence);
            output.WriteLine();
        }

        if (!string.IsNullOrWhiteSpace(finding.Descriptor.Recommendation))
        {
            output.WriteLine($"**Fix:** {MarkdownText.Inline(finding.Descriptor.Recommendation)}");
            output.WriteLine();
        }
    }

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Or(string text) => text.Length > 0 ? MarkdownText.Inline(text) : "*not stated in the log*";
}
