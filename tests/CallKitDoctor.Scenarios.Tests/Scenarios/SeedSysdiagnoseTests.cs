using CallKitDoctor.Diagnosis;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Scenarios.Archive;
using CallKitDoctor.Scenarios.Composition;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Scenarios.Tests.Scenarios;

/// <summary>
/// Issue 4's done-when for archives: each seed flow written as a sysdiagnose gives the same entries from the tar.gz,
/// the zip, the extracted folder and its logarchive, the right context block, and the same findings as its text form.
/// </summary>
public class SeedSysdiagnoseTests
{
    public static TheoryData<string, string> Flows => new()
    {
        { "seed-production", "seed-production-failure.log" },
        { "seed-lab", "seed-lab-workaround.ndjson" },
    };

    public static TheoryData<string> FlowNames => ["seed-production", "seed-lab"];

    private static string Key(LogEntry e) =>
        $"{e.Timestamp}|{e.Process}|{e.ProcessId}|{e.ThreadId}|{e.Subsystem}|{e.Category}|{e.Level}|{e.EventType}|{e.FormatString}|{e.EventMessage}|{e.BootUuid}";

    private static (string TarGz, string Zip, string Folder) Write(CallScenario scenario, string directory)
    {
        var name = SysdiagnoseBuilder.FolderName(scenario);
        var tarGz = Path.Combine(directory, name + ".tar.gz");
        var zip = Path.Combine(directory, name + ".zip");
        SysdiagnoseBuilder.WriteTarGz(scenario, tarGz);
        SysdiagnoseBuilder.WriteZip(scenario, zip);
        var folder = SysdiagnoseBuilder.WriteFolder(scenario, Path.Combine(directory, "extracted"));
        return (tarGz, zip, folder);
    }

    [Theory]
    [MemberData(nameof(FlowNames))]
    public void TarGzZipFolderAndLogArchiveGiveTheSameEntries(string flow)
    {
        using var temp = new TempFolder();
        var (tarGz, zip, folder) = Write(SeedScenarios.All[flow], temp.Path);

        var fromTar = LogSources.Open(tarGz).ReadEntries().Select(Key).ToList();
        var fromZip = LogSources.Open(zip).ReadEntries().Select(Key).ToList();
        var fromFolder = LogSources.Open(folder).ReadEntries().Select(Key).ToList();
        var fromLogArchive = LogSources.Open(Path.Combine(folder, "system_logs.logarchive")).ReadEntries().Select(Key).ToList();

        Assert.Equal(ScenarioComposer.Compose(SeedScenarios.All[flow]).Count, fromTar.Count);
        Assert.Equal(fromTar, fromZip);
        Assert.Equal(fromTar, fromFolder);
        Assert.Equal(fromTar, fromLogArchive);
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void TheSysdiagnoseDiagnosesLikeTheTextForm(string flow, string textSample)
    {
        using var temp = new TempFolder();
        var (tarGz, zip, _) = Write(SeedScenarios.All[flow], temp.Path);
        var diagnoser = CallDiagnoser.CreateDefault();

        var fromText = diagnoser.Diagnose(LogSources.Open(RepositoryRoot.PathOf("samples", textSample)));
        var fromTar = diagnoser.Diagnose(LogSources.Open(tarGz));
        var fromZip = diagnoser.Diagnose(LogSources.Open(zip));

        Assert.NotEmpty(fromText.Calls);
        Assert.Equal(SeedProductionScenarioTests.Findings(fromText), SeedProductionScenarioTests.Findings(fromTar));
        Assert.Equal(SeedProductionScenarioTests.Findings(fromText), SeedProductionScenarioTests.Findings(fromZip));
        Assert.Equal(Verdicts(fromText), Verdicts(fromTar));
        Assert.Empty(fromTar.Input.Issues);
        Assert.All(fromTar.AllFindings.SelectMany(f => f.Evidence), e => Assert.StartsWith(Path.GetFileName(tarGz) + "/", e.Location.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void TheContextBlockOfTheProductionSysdiagnose()
    {
        using var temp = new TempFolder();
        var scenario = SeedScenarios.Production();
        var (tarGz, _, _) = Write(scenario, temp.Path);
        var source = Assert.IsType<SysdiagnoseSource>(LogSources.Open(tarGz));

        var entries = source.ReadEntries().ToList();

        var context = source.Context;
        Assert.Equal(new DateTimeOffset(2025, 10, 23, 16, 2, 10, TimeSpan.FromHours(11)), context.CaptureTime);
        Assert.Equal(TimeSpan.FromHours(11), context.CaptureTime!.Value.Offset);
        Assert.Equal("Australia/Sydney", context.TimeZoneName);
        Assert.Equal("iPhone OS", context.Platform);
        Assert.Equal("iPhone", context.DeviceClass);
        Assert.Equal("D83AP", context.DeviceModel);
        Assert.Equal("iPhone OS 18.4.1", context.OsVersion);
        Assert.Equal("22E252", context.OsBuild);
        Assert.Equal(Path.GetFileName(tarGz), context.ArchiveName);
        var boot = Assert.Single(context.BootSessions);
        Assert.Equal(scenario.Device.BootUuid, boot.BootUuid);
        Assert.Equal(entries.Count, boot.Entries);
        var persist = Assert.Single(context.StoreWindows);
        Assert.Equal(LogStoreKind.Persist, persist.Store);
        Assert.Equal(entries.Count, persist.Entries);
        Assert.Equal(entries.Min(e => e.Timestamp!.Value.Instant), persist.First);
        Assert.Equal(entries.Max(e => e.Timestamp!.Value.Instant), persist.Last);
        Assert.Equal(scenario.Steps[0].Times[0], persist.First);
        Assert.Equal(scenario.Steps[^1].Times[0], persist.Last);
    }

    private static List<string> Verdicts(DiagnosisReport report) => [.. report.Calls.Select(c => c.Verdict.ToString())];
}
