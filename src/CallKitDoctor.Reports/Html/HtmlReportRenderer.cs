using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Reports.Formatting;
using CallKitDoctor.Reports.Naming;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Streaming;
using CallKitDoctor.Reports.Summaries;
using CallKitDoctor.Reports.Tones;

namespace CallKitDoctor.Reports.Html;

/// <summary>
/// One self-contained HTML page (inline CSS, SVG and script; no external URL): the context, then per call a verdict
/// banner, a swimlane timeline with one lane per actor (app, callservicesd, audio server, system), the event table
/// and the findings with their evidence; then the log-level findings and the summary.
/// </summary>
public sealed class HtmlReportRenderer(RenderOptions options) : IReportRenderer, ITextReportLayout
{
    public HtmlReportRenderer()
        : this(new RenderOptions())
    {
    }

    public ReportFormat Format => ReportFormat.Html;

    public void Render(DiagnosisReport report, TextWriter output) => WriteDocument(report, output, null);

    public ReportStream OpenStream() => new TextReportStream(this);

    Action<CallFlow> ITextReportLayout.CallWriter(TextWriter target) => call => WriteCall(target, call);

    void ITextReportLayout.WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls) =>
        WriteDocument(report, output, streamedCalls);

    private void WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls)
    {
        var input = report.Input;
        var name = Path.GetFileName(input.Source);
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        output.WriteLine($"<title>CallKit Doctor — {HtmlText.Encode(name)}</title>");
        output.WriteLine($"<style>{HtmlAssets.Style}</style></head><body>");
        output.WriteLine($"<header><h1>CallKit Doctor report</h1><p class=\"subtitle\">{HtmlText.Encode(input.Source)} · {HtmlText.Encode(options.Tool.Name)} {HtmlText.Encode(options.Tool.Version)} · JSON schema {report.SchemaVersion}</p>");
        WriteFacts(output, report);
        output.WriteLine("</header>");

        streamedCalls?.Invoke(output);
        foreach (var call in report.Calls)
        {
            WriteCall(output, call);
        }

        if (report.CallCount == 0)
        {
            output.WriteLine("<p class=\"warn\">No calls were recognised in this log.</p>");
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine("<section class=\"log-findings\"><div class=\"verdict tone-neutral\"><span class=\"name\">Log findings</span></div><div class=\"body\">");
            foreach (var finding in report.Findings)
            {
                WriteFinding(output, finding);
            }

            output.WriteLine("</div></section>");
        }

        output.WriteLine($"<footer id=\"summary\">{HtmlText.Encode(ReportSummary.Of(report).ToString())}</footer>");
        output.WriteLine($"<script>{HtmlAssets.Script}</script>");
        output.WriteLine("</body></html>");
        output.Flush();
    }

    private static void WriteFacts(TextWriter output, DiagnosisReport report)
    {
        var c = report.Context;
        var input = report.Input;
        output.WriteLine("<dl class=\"facts\">");
        Fact(output, "Device", Join(" ", c.OsVersion, c.OsBuild is null ? null : $"({c.OsBuild})", c.DeviceModel, c.TimeZoneName), "not stated in the log");
        Fact(output, "App", Join(" ", c.AppName, c.AppVersion), "not stated in the log");
        if (c.CaptureTime is { } captured)
        {
            Fact(output, "Captured", TimestampText.Iso(captured), "");
        }

        var unparsed = $"{input.UnparsedLines} unparsed lines";
        output.WriteLine(
            $"<dt>Input</dt><dd>{HtmlText.Encode(input.Format.ToName())}: {input.Lines} lines, {input.Entries} entries, " +
            $"<span class=\"{(input.UnparsedLines > 0 ? "warn" : "")}\" id=\"unparsed\">{unparsed}</span>, {input.IssueCount} reading issues{(input.IsPartial ? " — <span class=\"warn\">partial read</span>" : "")}</dd>");
        foreach (var issue in input.Issues.Take(20))
        {
            output.WriteLine($"<dt></dt><dd class=\"mono\">{HtmlText.Encode(issue.ToString())}</dd>");
        }

        var coverage = report.Coverage;
        Fact(output, "Log window", coverage.First is { } first && coverage.Last is { } last ? $"{first} → {last}, {coverage.Processes.Count} processes" : "", "no timestamps in the log");
        Fact(output, "Calls", $"{report.CallCount}, {report.RecognisedEvents} recognised events", "");
        output.WriteLine("</dl>");
    }

    private static void WriteCall(TextWriter output, CallFlow call)
    {
        var tone = ToneClasses.Of(ToneMap.Of(call.Verdict));
        output.WriteLine($"<section class=\"call\" id=\"call-{call.Index}\" data-verdict=\"{call.Verdict.ToName()}\">");
        output.WriteLine(
            $"<div class=\"verdict tone-{tone}\"><h2>Call {call.Index} · {call.Direction.ToName()}</h2>" +
            $"<span class=\"name\">{call.Verdict.ToName()}</span>" +
            $"{(call.CallUuid is { } u ? $"<span class=\"mono\">{u.ToString("D").ToUpperInvariant()}</span>" : "")}" +
            $"{(call.AppProcess is null ? "" : $"<span>{HtmlText.Encode(call.AppProcess)}</span>")}" +
            $"{(string.IsNullOrWhiteSpace(call.VerdictReason) ? "" : $"<span class=\"reason\">{HtmlText.Encode(call.VerdictReason)}</span>")}</div>");
        output.WriteLine("<div class=\"body\">");
        if (call.Events.Count > 0)
        {
            output.WriteLine("<div class=\"lanes\">");
            SwimlaneSvgWriter.Write(output, call, SwimlaneLayout.For(call));
            output.WriteLine("</div>");
            output.WriteLine("<table class=\"timeline\"><thead><tr><th>#</th><th>Time</th><th>Process</th><th>Event</th><th>Line</th><th>Message</th></tr></thead><tbody>");
            for (var i = 0; i < call.Events.Count; i++)
            {
                var e = call.Events[i];
                var kindTone = ToneClasses.Of(ToneMap.Of(e.Kind));
                output.WriteLine(
                    $"<tr data-event=\"{i + 1}\"><td>{i + 1}</td><td class=\"mono\">{HtmlText.Encode(TimestampText.TimeOfDay(e.Timestamp))}</td>" +
                    $"<td>{HtmlText.Encode(e.Entry.Process)}</td><td class=\"kind tone-{kindTone}\">{e.Kind.ToName()}</td>" +
                    $"<td class=\"mono\">{HtmlText.Encode(EvidenceText.Where(e.Entry.Location))}</td><td class=\"msg\">{HtmlText.Encode(Excerpt.Of(e.Entry.EventMessage, 600))}</td></tr>");
            }

            output.WriteLine("</tbody></table>");
        }
        else
        {
            output.WriteLine("<p>No events recognised for this call.</p>");
        }

        foreach (var finding in call.Findings)
        {
            WriteFinding(output, finding);
        }

        output.WriteLine("</div></section>");
    }

    private static void WriteFinding(TextWriter output, Finding finding)
    {
        var tone = ToneClasses.Of(ToneMap.Of(finding.Severity));
        output.WriteLine($"<div class=\"finding tone-{tone}\" data-finding=\"{HtmlText.Encode(finding.Id)}\">");
        output.WriteLine($"<h3><span class=\"sev\">{finding.Severity.ToName()}</span> <span class=\"id\">{HtmlText.Encode(finding.Id)}</span> — {HtmlText.Encode(finding.Descriptor.Title)}</h3>");
        if (!string.IsNullOrWhiteSpace(finding.Message))
        {
            output.WriteLine($"<p>{HtmlText.Encode(finding.Message)}</p>");
        }

        foreach (var evidence in finding.Evidence)
        {
            output.WriteLine(
                $"<div class=\"evidence\"><div class=\"where mono\">{HtmlText.Encode(EvidenceText.Where(evidence))}{(evidence.Note is null ? "" : " — " + HtmlText.Encode(evidence.Note))}</div>" +
                $"<pre>{HtmlText.Encode(evidence.Text)}</pre></div>");
        }

        if (!string.IsNullOrWhiteSpace(finding.Descriptor.Recommendation))
        {
            output.WriteLine($"<p class=\"fix\"><b>Fix:</b> {HtmlText.Encode(finding.Descriptor.Recommendation)}</p>");
        }

        output.WriteLine("</div>");
    }

    private static void Fact(TextWriter output, string label, string value, string fallback) =>
        output.WriteLine($"<dt>{HtmlText.Encode(label)}</dt><dd>{HtmlText.Encode(value.Length > 0 ? value : fallback)}</dd>");

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
