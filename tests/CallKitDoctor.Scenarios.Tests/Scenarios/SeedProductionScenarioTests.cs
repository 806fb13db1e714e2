using CallKitDoctor.Diagnosis;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Scenarios.Archive;
using CallKitDoctor.Scenarios.Composition;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Scenarios.Tests.Scenarios;

/// <summary>
/// The seed's failing production flow, written as a logarchive by the scenario writer and read back by the project's
/// unified-log reader, matches <c>samples/seed-production-failure.log</c> line for line and gives the same findings.
/// </summary>
public class SeedProductionScenarioTests
{
    private static readonly string TextSample = RepositoryRoot.PathOf("samples", "seed-production-failure.log");

    internal static string WriteLogArchive(CallScenario scenario, string folder)
    {
        var root = Path.Combine(folder, "system_logs.logarchive");
        foreach (var file in LogArchiveBuilder.Build(scenario))
        {
            var path = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Data);
        }

        return root;
    }

    [Fact]
    public void LogArchiveHasTheFilesALogarchiveHolds()
    {
        var paths = LogArchiveBuilder.Build(SeedScenarios.Production()).Select(static f => f.Path).ToList();

        Assert.Contains("Info.plist", paths);
        Assert.Contains("Persist/0000000000000001.tracev3", paths);
        Assert.Contains("timesync/0000000000000001.timesync", paths);
        Assert.Single(paths, static p => p.StartsWith("dsc/", StringComparison.Ordinal) && p.Length == 4 + 32);
        // One uuidtext file per process (app, callservicesd, audiomxd, SpringBoard): XX/ + 30 hex digits.
        Assert.Equal(4, paths.Count(static p => p.Length == 33 && p[2] == '/' && p.All(c => c == '/' || Uri.IsHexDigit(c))));
    }

    [Fact]
    public void EveryLineReadsBackAsTheTextSampleHasIt()
    {
        using var folder = new TempFolder();
        var archive = WriteLogArchive(SeedScenarios.Production(), folder.Path);
        var source = new UnifiedLogSource(archive);

        var binary = source.ReadEntries().ToList();
        var text = LogSources.Open(TextSample).ReadEntries().ToList();

        Assert.Empty(source.Summary.Issues);
        Assert.Equal(text.Count, binary.Count);
        for (var i = 0; i < text.Count; i++)
        {
            var (t, b) = (text[i], binary[i]);
            Assert.Equal(t.EventMessage, b.EventMessage);
            Assert.Equal(Microseconds(t.Timestamp), Microseconds(b.Timestamp));
            Assert.Equal(t.Timestamp!.Value.Offset, b.Timestamp!.Value.Offset);
            Assert.Equal(t.Process, b.Process);
            Assert.Equal(t.ProcessId, b.ProcessId);
            Assert.Equal(t.ThreadId, b.ThreadId);
            Assert.Equal(t.Subsystem, b.Subsystem);
            Assert.Equal(t.Category, b.Category);
            Assert.Equal(t.Level, b.Level);
            Assert.Equal(t.Sender ?? t.Process, b.Sender);
            Assert.NotNull(b.FormatString);
        }

        Assert.Equal("22E252", source.Context.OsBuild);
        Assert.Equal("D83AP", source.Context.DeviceModel);
        Assert.Equal("Australia/Sydney", source.Context.TimeZoneName);
    }

    [Fact]
    public void DiagnosisOfTheLogArchiveMatchesTheTextSample()
    {
        using var folder = new TempFolder();
        var archive = WriteLogArchive(SeedScenarios.Production(), folder.Path);
        var diagnoser = CallDiagnoser.CreateDefault();

        var fromBinary = diagnoser.Diagnose(LogSources.Open(archive));
        var fromText = diagnoser.Diagnose(LogSources.Open(TextSample));

        Assert.Equal(Findings(fromText), Findings(fromBinary));
        Assert.Equal(fromText.Calls.Select(static c => c.Verdict), fromBinary.Calls.Select(static c => c.Verdict));
        var ids = fromBinary.AllFindings.Select(static f => f.Id).ToHashSet();
        Assert.Contains("workaround-missing", ids);
        Assert.Contains("session-id-zero", ids);
        Assert.Contains("app-activated-audio", ids);
    }

    [Fact]
    public void TheSameScenarioGivesTheSameBytes()
    {
        var first = LogArchiveBuilder.Build(SeedScenarios.Production());
        var second = LogArchiveBuilder.Build(SeedScenarios.Production());

        Assert.Equal(first.Select(static f => f.Path), second.Select(static f => f.Path));
        Assert.All(first.Zip(second), static pair => Assert.Equal(pair.First.Data, pair.Second.Data));
    }

    internal static List<string> Findings(CallKitDoctor.Diagnosis.Reports.DiagnosisReport report) =>
        [.. report.AllFindings.Select(static f => $"{f.Id}:{f.Severity}").Order(StringComparer.Ordinal)];

    private static long Microseconds(LogTimestamp? timestamp) => timestamp!.Value.Instant!.Value.UtcTicks / 10;
}
