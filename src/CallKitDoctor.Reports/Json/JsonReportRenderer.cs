using System.Text.Json;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Formatting;
using CallKitDoctor.Reports.Naming;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Streaming;
using CallKitDoctor.Reports.Summaries;
using N = CallKitDoctor.Reports.Json.JsonCallNames;

namespace CallKitDoctor.Reports.Json;

/// <summary>
/// Writes the versioned JSON document (<c>docs/json-schema.md</c>) with a streaming <see cref="Utf8JsonWriter"/>:
/// every field is always present (null when unknown), enums are kebab-case, timestamps are written as <c>log</c>
/// prints them plus an ISO 8601 instant when the date and offset are known.
/// </summary>
public sealed class JsonReportRenderer(RenderOptions options) : IReportRenderer
{
    /// <summary>How many events are written between two flushes to the output.</summary>
    private const int EventsPerFlush = 256;

    private static readonly JsonEncodedText CoverageFirst = JsonEncodedText.Encode("first");
    private static readonly JsonEncodedText CoverageFirstInstant = JsonEncodedText.Encode("firstInstant");
    private static readonly JsonEncodedText CoverageLast = JsonEncodedText.Encode("last");
    private static readonly JsonEncodedText CoverageLastInstant = JsonEncodedText.Encode("lastInstant");

    public JsonReportRenderer()
        : this(new RenderOptions())
    {
    }

    public ReportFormat Format => ReportFormat.Json;

    public void Render(DiagnosisReport report, TextWriter output) => WriteDocument(report, output, null);

    public ReportStream OpenStream() => new JsonReportStream(this);

    /// <summary>
    /// Writes the document. The calls array holds <paramref name="streamedCalls"/> when given (what a
    /// <see cref="JsonReportStream"/> spilled, the report's own calls included), else the report's calls.
    /// </summary>
    internal void WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls)
    {
        using var sink = new TextWriterJsonSink(output);
        var w = sink.Writer;
        var values = new JsonValueCache();
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", report.SchemaVersion);
        w.WriteStartObject("tool");
        WriteString(w, "name", options.Tool.Name);
        WriteString(w, "version", options.Tool.Version);
        w.WriteEndObject();
        WriteInput(w, report.Input);
        WriteContext(w, report.Context);
        WriteCoverage(w, report.Coverage);
        w.WriteNumber("recognisedEvents", report.RecognisedEvents);
        sink.Drain();

        w.WriteStartArray("calls");
        if (streamedCalls is not null)
        {
            // The spilled text sits between the brackets; this writer, having written no element, closes with "]".
            sink.Drain();
            streamedCalls(output);
        }
        else
        {
            foreach (var call in report.Calls)
            {
                WriteCall(w, call, sink.Drain, values);
                sink.Drain();
            }
        }

        w.WriteEndArray();

        w.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(w, finding, values);
        }

        w.WriteEndArray();
        WriteSummary(w, ReportSummary.Of(report));
        w.WriteEndObject();
        sink.Drain();
        output.WriteLine();
        output.Flush();
    }

    private static void WriteInput(Utf8JsonWriter w, LogReadSummary input)
    {
        w.WriteStartObject("input");
        WriteString(w, "path", input.Source);
        WriteString(w, "format", input.Format.ToName());
        w.WriteNumber("lines", input.Lines);
        w.WriteNumber("bytes", input.Bytes);
        w.WriteNumber("entries", input.Entries);
        w.WriteNumber("entriesWithoutTimestamp", input.EntriesWithoutTimestamp);
        w.WriteNumber("unparsedLines", input.UnparsedLines);
        w.WriteStartArray("unparsedLineNumbers");
        foreach (var line in input.UnparsedLineNumbers)
        {
            w.WriteNumberValue(line);
        }

        w.WriteEndArray();
        w.WriteBoolean("partial", input.IsPartial);
        w.WriteNumber("issueCount", input.IssueCount);
        w.WriteStartArray("issues");
        foreach (var issue in input.Issues)
        {
            w.WriteStartObject();
            WriteString(w, "severity", issue.Severity.ToName());
            WriteString(w, "source", issue.Source);
            WritePositive(w, N.Line, issue.Line);
            WriteNonNegative(w, N.ByteOffset, issue.ByteOffset);
            WriteString(w, "message", issue.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteContext(Utf8JsonWriter w, CaptureContext context)
    {
        w.WriteStartObject("context");
        WriteString(w, "osVersion", context.OsVersion);
        WriteString(w, "osBuild", context.OsBuild);
        WriteString(w, "deviceModel", context.DeviceModel);
        WriteString(w, "appName", context.AppName);
        WriteString(w, "appVersion", context.AppVersion);
        WriteString(w, "captureTime", context.CaptureTime is { } t ? TimestampText.Iso(t) : null);
        WriteString(w, "timeZone", context.TimeZoneName);
        w.WriteEndObject();
    }

    private static void WriteCoverage(Utf8JsonWriter w, LogCoverage coverage)
    {
        w.WriteStartObject("coverage");
        WriteTime(w, CoverageFirst, CoverageFirstInstant, coverage.First);
        WriteTime(w, CoverageLast, CoverageLastInstant, coverage.Last);
        w.WriteNumber("entries", coverage.Entries);
        w.WriteStartArray("processes");
        foreach (var (name, window) in coverage.Processes.OrderBy(p => p.Value.First).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            WriteString(w, "name", name);
            WriteTime(w, CoverageFirst, CoverageFirstInstant, window.First);
            WriteTime(w, CoverageLast, CoverageLastInstant, window.Last);
            w.WriteNumber("entries", window.Entries);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes one call object; <paramref name="drain"/> passes the bytes on every few hundred events;
    /// <paramref name="values"/> holds the encoded form of recurring values (one per writer).
    /// </summary>
    internal static void WriteCall(Utf8JsonWriter w, CallFlow call, Action drain, JsonValueCache values)
    {
        w.WriteStartObject();
        w.WriteNumber(N.Index, call.Index);
        values.Write(w, N.Direction, call.Direction.ToName());
        WriteUuid(w, N.CallUuid, call.CallUuid);
        values.Write(w, N.AppProcess, call.AppProcess);
        WriteTime(w, N.Start, N.StartInstant, call.Start);
        WriteTime(w, N.End, N.EndInstant, call.End);
        values.Write(w, N.Verdict, call.Verdict.ToName());
        WriteString(w, N.VerdictReason, call.VerdictReason);
        w.WriteStartArray(N.Events);
        var written = 0;
        foreach (var e in call.Events)
        {
            WriteEvent(w, e, values);
            if (++written % EventsPerFlush == 0)
            {
                drain();
            }
        }

        w.WriteEndArray();
        w.WriteStartArray(N.Findings);
        foreach (var finding in call.Findings)
        {
            WriteFinding(w, finding, values);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter w, CallEvent e, JsonValueCache values)
    {
        var entry = e.Entry;
        w.WriteStartObject();
        WriteTime(w, N.Time, N.Instant, e.Timestamp);
        values.Write(w, N.Process, entry.Process);
        if (entry.ProcessId is { } pid)
        {
            w.WriteNumber(N.Pid, pid);
        }
        else
        {
            w.WriteNull(N.Pid);
        }

        values.Write(w, N.Actor, e.Actor.ToName());
        values.Write(w, N.Kind, e.Kind.ToName());
        values.Write(w, N.Signature, e.SignatureId);
        values.Write(w, N.Confidence, e.Confidence.ToName());
        WriteLocation(w, entry.Location, values);
        WriteString(w, N.Text, entry.EventMessage);
        w.WriteStartObject(N.Values);
        if (e.CallUuid is { } uuid)
        {
            WriteUuid(w, N.CallUuid, uuid);
        }

        if (e.Action is { } action)
        {
            values.Write(w, N.Action, action.ToName());
        }

        if (e.OnHold is { } onHold)
        {
            w.WriteBoolean(N.OnHold, onHold);
        }

        if (e.Active is { } active)
        {
            w.WriteBoolean(N.Active, active);
        }

        if (e.SessionId is { } session)
        {
            w.WriteNumber(N.SessionId, session);
        }

        if (e.StatusCode is { } status)
        {
            w.WriteNumber(N.StatusCode, status);
        }

        if (e.ErrorCode is { } code)
        {
            w.WriteNumber(N.ErrorCode, code);
        }

        if (e.ErrorDomain is { } domain)
        {
            values.Write(w, N.ErrorDomain, domain);
        }

        if (e.ControllingPid is { } controlling)
        {
            w.WriteNumber(N.ControllingPid, controlling);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding finding, JsonValueCache values)
    {
        var d = finding.Descriptor;
        w.WriteStartObject();
        values.Write(w, N.Id, d.Id);
        values.Write(w, N.Severity, finding.Severity.ToName());
        values.Write(w, N.Title, d.Title);
        WriteString(w, N.Message, finding.Message);
        values.Write(w, N.Explanation, d.Explanation);
        values.Write(w, N.Recommendation, d.Recommendation);
        values.Write(w, N.HelpUri, d.HelpUri);
        if (finding.CallIndex is { } callIndex)
        {
            w.WriteNumber(N.CallIndex, callIndex);
        }
        else
        {
            w.WriteNull(N.CallIndex);
        }

        w.WriteStartArray(N.Evidence);
        foreach (var ev in finding.Evidence)
        {
            w.WriteStartObject();
            WriteLocation(w, ev.Location, values);
            WriteTime(w, N.Time, N.Instant, ev.Timestamp);
            values.Write(w, N.Process, ev.Process);
            WriteString(w, N.Text, ev.Text);
            WriteString(w, N.Note, ev.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, ReportSummary summary)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("calls", summary.Calls);
        w.WriteStartObject("verdicts");
        foreach (var (verdict, count) in summary.Verdicts)
        {
            w.WriteNumber(verdict.ToName(), count);
        }

        w.WriteEndObject();
        w.WriteStartObject("findings");
        foreach (var (id, count) in summary.Findings)
        {
            w.WriteNumber(Utf16Text.Sanitize(id), count);
        }

        w.WriteEndObject();
        w.WriteStartObject("severities");
        foreach (var (severity, count) in summary.Severities)
        {
            w.WriteNumber(severity.ToName(), count);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, InputLocation location, JsonValueCache values)
    {
        values.Write(w, N.Source, location.Source);
        WritePositive(w, N.Line, location.Line);
        WritePositive(w, N.EndLine, location.Line <= 0 ? 0 : Math.Max(location.Line, location.EndLine));
        WriteNonNegative(w, N.ByteOffset, location.ByteOffset);
        WriteNonNegative(w, N.InnerOffset, location.ByteOffset < 0 ? -1 : location.InnerOffset);
    }

    private static void WriteTime(Utf8JsonWriter w, JsonEncodedText logName, JsonEncodedText isoName, LogTimestamp? timestamp)
    {
        if (timestamp is not { } ts)
        {
            w.WriteNull(logName);
            w.WriteNull(isoName);
            return;
        }

        Span<char> text = stackalloc char[TimestampText.MaxLength];
        w.WriteString(logName, text[..TimestampText.FormatLog(ts, text)]);
        if (ts.Instant is { } instant)
        {
            w.WriteString(isoName, text[..TimestampText.FormatIso(instant, text)]);
        }
        else
        {
            w.WriteNull(isoName);
        }
    }

    private static void WriteUuid(Utf8JsonWriter w, JsonEncodedText name, Guid? uuid)
    {
        if (uuid is not { } value)
        {
            w.WriteNull(name);
            return;
        }

        Span<char> lower = stackalloc char[36];
        Span<char> upper = stackalloc char[36];
        value.TryFormat(lower, out var written, "D");
        w.WriteString(name, upper[..lower[..written].ToUpperInvariant(upper)]);
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value) => WriteString(w, JsonEncodedText.Encode(name), value);

    private static void WriteString(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, Utf16Text.Sanitize(value));
        }
    }

    private static void WritePositive(Utf8JsonWriter w, JsonEncodedText name, long value)
    {
        if (value > 0)
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNonNegative(Utf8JsonWriter w, JsonEncodedText name, long value)
    {
        if (value >= 0)
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
