using System.Text.Json;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Reports.Json;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Tests.Fixtures;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Reports.Tests.Json;

public class JsonReportRendererTests
{
    private static readonly RenderOptions Options = new() { Tool = new ToolInfo("callkit-doctor", "9.8.7") };

    private static JsonElement RenderToJson(DiagnosisReport report, out string text)
    {
        text = new JsonReportRenderer(Options).Render(report);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public void WritesVersionToolAndInputSummary()
    {
        var root = RenderToJson(SampleReports.Production(), out _);

        Assert.Equal(DiagnosisReport.CurrentSchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("callkit-doctor", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("9.8.7", root.GetProperty("tool").GetProperty("version").GetString());
        var input = root.GetProperty("input");
        Assert.Equal(SampleReports.SourcePath, input.GetProperty("path").GetString());
        Assert.Equal("log-show", input.GetProperty("format").GetString());
        Assert.Equal(1234, input.GetProperty("lines").GetInt64());
        Assert.Equal(1200, input.GetProperty("entries").GetInt64());
        Assert.Equal(3, input.GetProperty("unparsedLines").GetInt64());
        Assert.Equal([5L, 17L, 99L], input.GetProperty("unparsedLineNumbers").EnumerateArray().Select(e => e.GetInt64()));
        var issue = Assert.Single(input.GetProperty("issues").EnumerateArray());
        Assert.Equal("warning", issue.GetProperty("severity").GetString());
        Assert.Equal(17, issue.GetProperty("line").GetInt64());
        Assert.Equal(JsonValueKind.Null, issue.GetProperty("byteOffset").ValueKind);
        Assert.Equal("iPhone14,2", root.GetProperty("context").GetProperty("deviceModel").GetString());
    }

    [Fact]
    public void WritesCallsWithKebabCaseEnumsAndBothTimestampForms()
    {
        var root = RenderToJson(SampleReports.Production(), out var text);
        var calls = root.GetProperty("calls").EnumerateArray().ToList();

        Assert.Equal(2, calls.Count);
        Assert.Equal("incoming", calls[0].GetProperty("direction").GetString());
        Assert.Equal("activation-masked", calls[0].GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, calls[0].GetProperty("callUuid").ValueKind);
        Assert.Equal("0F8FAD5B-D9CB-469F-A165-70867728950E", calls[1].GetProperty("callUuid").GetString());
        Assert.Equal("audio-activated", calls[1].GetProperty("verdict").GetString());

        var report = calls[0].GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "incoming-call-reported");
        Assert.Equal("2025-10-23 16:00:39.916170+1100", report.GetProperty("time").GetString());
        Assert.Equal("2025-10-23T16:00:39.916170+11:00", report.GetProperty("instant").GetString());
        Assert.Equal("app", report.GetProperty("actor").GetString());
        Assert.Equal(40, report.GetProperty("line").GetInt64());
        Assert.Equal("Provider <private> was asked to report a new incoming call with UUID: <private> update: <private>", report.GetProperty("text").GetString());
        Assert.Contains("<private>", text, StringComparison.Ordinal); // not \u003C-escaped
        Assert.Contains(calls[0].GetProperty("events").EnumerateArray(), e => e.GetProperty("actor").GetString() == "call-services");
        Assert.Contains(calls[0].GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "voip-payload-delivered");
    }

    [Fact]
    public void WritesFindingsWithEvidenceLinesAndNotes()
    {
        var root = RenderToJson(SampleReports.Production(), out _);
        var findings = root.GetProperty("calls")[0].GetProperty("findings").EnumerateArray().ToList();

        Assert.Equal(["session-id-zero", "workaround-missing", "app-activated-audio"], findings.Select(f => f.GetProperty("id").GetString()));
        var sessionIdZero = findings[0];
        Assert.Equal("error", sessionIdZero.GetProperty("severity").GetString());
        Assert.Equal(1, sessionIdZero.GetProperty("callIndex").GetInt32());
        Assert.StartsWith("Call setConfiguration", sessionIdZero.GetProperty("recommendation").GetString(), StringComparison.Ordinal);
        var evidence = Assert.Single(sessionIdZero.GetProperty("evidence").EnumerateArray());
        Assert.Equal(120, evidence.GetProperty("line").GetInt64());
        Assert.Equal(122, evidence.GetProperty("endLine").GetInt64());
        Assert.Equal("session ID = 0x0", evidence.GetProperty("note").GetString());
        Assert.Equal("callservicesd", evidence.GetProperty("process").GetString());
        Assert.Contains("Creating proxy session failed, session ID = 0x0", evidence.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains('\n', evidence.GetProperty("text").GetString()!);

        var logLevel = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("log-coverage-gap", logLevel.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, logLevel.GetProperty("callIndex").ValueKind);
    }

    [Fact]
    public void SummaryCountsEveryVerdictAndFinding()
    {
        var summary = RenderToJson(SampleReports.Production(), out _).GetProperty("summary");

        Assert.Equal(2, summary.GetProperty("calls").GetInt32());
        var verdicts = summary.GetProperty("verdicts");
        Assert.Equal(5, verdicts.EnumerateObject().Count());
        Assert.Equal(1, verdicts.GetProperty("activation-masked").GetInt32());
        Assert.Equal(1, verdicts.GetProperty("audio-activated").GetInt32());
        Assert.Equal(0, verdicts.GetProperty("activation-failed").GetInt32());
        Assert.Equal(1, summary.GetProperty("findings").GetProperty("session-id-zero").GetInt32());
        Assert.Equal(1, summary.GetProperty("findings").GetProperty("log-coverage-gap").GetInt32());
        Assert.Equal(2, summary.GetProperty("severities").GetProperty("warning").GetInt32());
    }

    [Fact]
    public void CoverageListsTheWindowAndProcesses()
    {
        var coverage = RenderToJson(SampleReports.Production(), out _).GetProperty("coverage");

        Assert.Equal("2025-10-23 16:00:39.801604+1100", coverage.GetProperty("first").GetString());
        Assert.Equal("2025-10-23T16:03:00.700000+11:00", coverage.GetProperty("lastInstant").GetString());
        var names = coverage.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Glip", "audiomxd", "callservicesd"], names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("production")]
    [InlineData("empty")]
    [InlineData("hostile")]
    public void OutputValidatesAgainstTheSchemaFile(string which)
    {
        var report = which switch
        {
            "production" => SampleReports.Production(),
            "empty" => SampleReports.Empty(),
            _ => SampleReports.Hostile(),
        };
        RenderToJson(report, out var text);

        Assert.Empty(DiagnosisSchema.Errors(text));
    }

    [Fact]
    public void SchemaRejectsADocumentMissingRequiredFields()
    {
        RenderToJson(SampleReports.Production(), out var text);
        var broken = text.Replace("\"verdict\": \"activation-masked\"", "\"verdict\": \"ActivationMasked\"", StringComparison.Ordinal)
            .Replace("\"schemaVersion\": 1", "\"schemaVersionX\": 1", StringComparison.Ordinal);

        Assert.NotEqual(text, broken);
        Assert.NotEmpty(DiagnosisSchema.Errors(broken));
    }

    [Fact]
    public void EmptyReportWritesNullsNotMissingFields()
    {
        var root = RenderToJson(SampleReports.Empty(), out _);

        Assert.Equal(JsonValueKind.Null, root.GetProperty("coverage").GetProperty("first").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("context").GetProperty("osVersion").ValueKind);
        Assert.Empty(root.GetProperty("calls").EnumerateArray());
        Assert.Equal(0, root.GetProperty("summary").GetProperty("calls").GetInt32());
    }

    [Fact]
    public void LoneSurrogatesAndControlCharactersStillGiveValidJson()
    {
        var root = RenderToJson(SampleReports.Hostile(), out _);
        var text = root.GetProperty("calls")[0].GetProperty("events")[0].GetProperty("text").GetString()!;

        Assert.Contains('\uFFFD', text);
        Assert.Contains('\u0001', text); // kept, escaped by the writer
        Assert.Contains("<script>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamsCallByCallInsteadOfOneFinalWrite()
    {
        var report = SampleReports.Production();
        using var writer = new CountingWriter();
        new JsonReportRenderer(Options).Render(report, writer);

        // Header, each call, the tail: at least one write per call plus two.
        Assert.True(writer.Writes >= report.Calls.Count + 2, $"only {writer.Writes} writes");
        using var doc = JsonDocument.Parse(writer.ToString());
        Assert.Equal(2, doc.RootElement.GetProperty("calls").GetArrayLength());
    }

    private sealed class CountingWriter : StringWriter
    {
        public int Writes { get; private set; }

        public override void Write(char[] buffer, int index, int count)
        {
            Writes++;
            base.Write(buffer, index, count);
        }
    }
}
