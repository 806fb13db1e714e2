using CallKitDoctor.Diagnosis;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Scenarios.Composition;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Scenarios.Tests.Scenarios;

/// <summary>The lab flow with the workaround, written as a logarchive, diagnoses like <c>samples/seed-lab-workaround.ndjson</c>.</summary>
public class SeedLabScenarioTests
{
    [Fact]
    public void DiagnosisOfTheLogArchiveMatchesTheNdjsonSample()
    {
        using var folder = new TempFolder();
        var archive = SeedProductionScenarioTests.WriteLogArchive(SeedScenarios.Lab(), folder.Path);
        var diagnoser = CallDiagnoser.CreateDefault();

        var fromBinary = diagnoser.Diagnose(LogSources.Open(archive));
        var fromText = diagnoser.Diagnose(LogSources.Open(RepositoryRoot.PathOf("samples", "seed-lab-workaround.ndjson")));

        Assert.Equal(SeedProductionScenarioTests.Findings(fromText), SeedProductionScenarioTests.Findings(fromBinary));
        var call = Assert.Single(fromBinary.Calls);
        Assert.Equal(CallVerdict.AudioActivated, call.Verdict);
        Assert.DoesNotContain(fromBinary.AllFindings, static f => f.Id is "workaround-missing" or "log-coverage-gap" or "activation-missing");
    }

    [Fact]
    public void TheLabDeviceContextComesFromTheTracev3Header()
    {
        using var folder = new TempFolder();
        var source = new UnifiedLogSource(SeedProductionScenarioTests.WriteLogArchive(SeedScenarios.Lab(), folder.Path));

        var entries = source.ReadEntries().ToList();

        Assert.Empty(source.Summary.Issues);
        Assert.Equal("23A355", source.Context.OsBuild);
        Assert.Equal("Asia/Shanghai", source.Context.TimeZoneName);
        Assert.All(entries, static e => Assert.Equal(TimeSpan.FromHours(8), e.Timestamp!.Value.Offset));
        Assert.Equal("2025-10-28 18:27:47.401604", entries[0].Timestamp!.Value.Local.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Notifying delegate that audio session activation state changed to: 1", entries.Single(static e => e.EventMessage.EndsWith("changed to: 1", StringComparison.Ordinal) && e.EventMessage.StartsWith("Notifying", StringComparison.Ordinal)).EventMessage);
        Assert.Equal(2231, entries.First(static e => e.Process == "Glip").ProcessId);
    }
}
