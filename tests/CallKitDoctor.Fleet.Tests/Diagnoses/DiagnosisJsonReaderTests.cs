using CallKitDoctor.Fleet.Diagnoses;
using CallKitDoctor.Fleet.Tests.Fixtures;

namespace CallKitDoctor.Fleet.Tests.Diagnoses;

public sealed class DiagnosisJsonReaderTests : IDisposable
{
    private const string Report = """
        {
          "schemaVersion": 1,
          "context": { "osVersion": "iPhone OS 18.4.1", "osBuild": "22E252", "deviceModel": "iPhone14,2", "appVersion": "5.2.0" },
          "calls": [
            { "index": 1, "direction": "incoming", "callUuid": "AB", "startInstant": "2025-10-23T16:00:39.000+11:00", "verdict": "audio-activated",
              "events": [ { "kind": "configuration-set", "instant": "2025-10-23T16:00:39.000+11:00" },
                          { "kind": "did-activate-delivered", "instant": "2025-10-23T16:00:39.250+11:00" } ],
              "findings": [] },
            { "index": 2, "direction": "outgoing", "callUuid": null, "startInstant": null, "verdict": "activation-masked",
              "events": [ { "kind": "app-set-active-attempt", "instant": null } ],
              "findings": [ { "id": "workaround-missing" }, { "id": "session-id-zero" } ] },
            { "index": 3, "direction": "incoming", "verdict": "unknown", "events": [], "findings": [] }
          ],
          "findings": [ { "id": "log-coverage-gap", "callIndex": null } ]
        }
        """;

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Calls_get_the_device_context_outcome_workaround_and_findings()
    {
        var file = await DiagnosisJsonReader.ReadAsync(_folder.Write("r.json", Report), CancellationToken.None);

        Assert.Null(file.Problem);
        Assert.Equal(3, file.Calls.Count);
        var (first, second, third) = (file.Calls[0], file.Calls[1], file.Calls[2]);
        Assert.Equal(("18.4.1", "22E252", "iPhone14,2", "5.2.0"), (first.OsVersion, first.OsBuild, first.DeviceModel, first.AppVersion));
        Assert.Equal((true, "true", "false"), (first.DidActivate, first.Workaround, first.AppSetActive));
        Assert.Equal(250, first.ActivationMs!.Value, 6);
        Assert.Equal(["log-coverage-gap"], first.Findings);
        Assert.Equal((false, "false", "true", "outgoing"), (second.DidActivate, second.Workaround, second.AppSetActive, second.Direction));
        Assert.Null(second.ActivationMs);
        Assert.Equal(["log-coverage-gap", "session-id-zero", "workaround-missing"], second.Findings);
        Assert.Null(third.DidActivate);
        Assert.Equal("unknown", third.Workaround);
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_row_with_file_line_and_byte()
    {
        var path = _folder.Write("bad.json", "{\n  \"schemaVersion\": 1,\n  \"calls\": [ { \"index\": 1, } ]\n}");

        var file = await DiagnosisJsonReader.ReadAsync(path, CancellationToken.None);

        Assert.Empty(file.Calls);
        var problem = Assert.IsType<CallKitDoctor.Fleet.Engine.BadRow>(file.Problem);
        Assert.Equal((path, 3L), (problem.Source, problem.Line));
        Assert.Equal(27, problem.ByteOffset); // the "}" after the trailing comma, 0-based in its line
        Assert.StartsWith("malformed JSON", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"schemaVersion\": 2, \"calls\": []}", "schemaVersion 2")]
    [InlineData("{\"schemaVersion\": 1}", "no calls array")]
    [InlineData("{\"calls\": []}", "no schemaVersion")]
    public async Task Json_that_is_not_a_version_1_report_is_a_bad_row_without_a_line(string json, string reason)
    {
        var file = await DiagnosisJsonReader.ReadAsync(_folder.Write("x.json", json), CancellationToken.None);

        Assert.Empty(file.Calls);
        Assert.Equal(0, file.Problem!.Line);
        Assert.Contains(reason, file.Problem.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
