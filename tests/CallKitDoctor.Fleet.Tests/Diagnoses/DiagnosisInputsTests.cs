using CallKitDoctor.Fleet.Diagnoses;
using CallKitDoctor.Fleet.Tests.Fixtures;

namespace CallKitDoctor.Fleet.Tests.Diagnoses;

public sealed class DiagnosisInputsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Folders_expand_to_sorted_files_reports_are_recognised_and_logarchives_stay_whole()
    {
        _folder.Write("b.log", "2025-10-23 16:00:39.916170+1100 0x1 Default 0x0 1 0 callservicesd: hello\n");
        _folder.Write("a.json", "\uFEFF{\n  \"schemaVersion\": 1, \"calls\": []}");
        _folder.Write("c.json", "{\"did_activate\": true}");
        _folder.Write(".DS_Store", "x");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "phone.logarchive"));
        File.WriteAllText(Path.Combine(_folder.Path, "phone.logarchive", "x.tracev3"), "");

        var inputs = DiagnosisInputs.Expand([_folder.Path]);

        Assert.Equal(
            [("phone.logarchive", DiagnosisInputKind.Log), ("a.json", DiagnosisInputKind.Report), ("b.log", DiagnosisInputKind.Log), ("c.json", DiagnosisInputKind.Log)],
            inputs.Select(i => (Path.GetFileName(i.Path), i.Kind)));
    }

    [Fact]
    public void Telemetry_detection_tells_json_lines_from_a_diagnosis_report()
    {
        var report = _folder.Write("r.json", "{ \"schemaVersion\": 1, \"calls\": [] }");
        var lines = _folder.Write("t.json", "{\"did_activate\": true}\n");
        var csvText = _folder.Write("t.txt", "call_id,did_activate\na,true\n");
        var log = _folder.Write("l.txt", "Default callservicesd: hello\n");

        Assert.False(Telemetry.TelemetryFile.LooksLikeTelemetry(report, Telemetry.ColumnMapping.Identity));
        Assert.True(Telemetry.TelemetryFile.LooksLikeTelemetry(lines, Telemetry.ColumnMapping.Identity));
        Assert.True(Telemetry.TelemetryFile.LooksLikeTelemetry(csvText, Telemetry.ColumnMapping.Identity));
        Assert.False(Telemetry.TelemetryFile.LooksLikeTelemetry(log, Telemetry.ColumnMapping.Identity));
    }

    public void Dispose() => _folder.Dispose();
}
