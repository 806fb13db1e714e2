using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Diagnoses;
using CallKitDoctor.Fleet.Engine;
using CallKitDoctor.Fleet.Telemetry;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Fleet.Tests.Diagnoses;

public sealed class DiagnosisTableTests
{
    private static DiagnosedCall Call(string source, int index, string verdict, string build, string app, params string[] findings) => new()
    {
        Source = source,
        Index = index,
        Direction = "incoming",
        Verdict = verdict,
        OsVersion = "18.4.1",
        OsBuild = build,
        AppVersion = app,
        Workaround = findings.Contains("workaround-missing") ? "false" : "unknown",
        AppSetActive = "false",
        StartedAt = new DateTimeOffset(2025, 10, 23, 16, index, 0, TimeSpan.FromHours(11)),
        Findings = findings,
    };

    [Fact]
    public void Calls_become_rows_with_finding_columns_and_undecided_calls_are_listed()
    {
        var batch = new DiagnosisBatch(
            ["x.json", "y.log", "z.json"],
            [
                Call("x.json", 1, "activation-failed", "22E252", "5.1", "workaround-missing", "session-id-zero"),
                Call("x.json", 2, "audio-activated", "22E252", "5.2"),
                Call("y.log", 1, "activation-masked", "22F76", "5.2", "app-activated-audio"),
                Call("y.log", 2, "unknown", "22F76", "5.2"),
            ],
            [new BadRow(4, 7, "malformed JSON", "z.json")],
            0);

        using var table = TelemetryTable.FromDiagnoses(batch);
        var result = FleetAnalyzer.Analyze(table, new FleetRequest { GroupBy = [TelemetrySchema.OsBuild] });

        Assert.Equal((5L, 3L, 2L), (result.Load.RowsRead, result.Load.RowsUsed, result.Load.BadRowCount));
        Assert.Equal(["z.json", "y.log"], result.Load.BadRows.Select(b => b.Source));
        Assert.Equal(["finding_app-activated-audio", "finding_session-id-zero", "finding_workaround-missing"], table.FindingColumns);
        Assert.Equal([(2L, 1L), (1L, 1L)], result.Groups.Select(g => (g.Counts.Trials, g.Counts.Events)));
        var overall = result.Findings.Where(f => f.Key.Columns.Count == 0).ToDictionary(f => f.FindingId, f => (f.Counts.Events, f.Counts.Trials));
        Assert.Equal((1L, 3L), overall["workaround-missing"]);
        Assert.Equal((1L, 3L), overall["app-activated-audio"]);
        var byApp = result.Findings.Where(f => f.Key.Columns is [TelemetrySchema.AppVersion] && f.FindingId == "session-id-zero")
            .ToDictionary(f => f.Key.Values[0]!, f => (f.Counts.Events, f.Counts.Trials));
        Assert.Equal((1L, 1L), byApp["5.1"]);
        Assert.Equal((0L, 2L), byApp["5.2"]);
        Assert.All(result.Findings, f => Assert.InRange(f.Share, f.Interval.Low, f.Interval.High));
    }

    [Fact]
    public void No_decided_call_is_a_query_error_naming_the_first_problem()
    {
        var batch = new DiagnosisBatch(["z.json"], [], [new BadRow(2, 3, "malformed JSON", "z.json")], 0);

        var error = Assert.Throws<FleetQueryException>(() => TelemetryTable.FromDiagnoses(batch));

        Assert.Contains("z.json line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_logs_are_diagnosed_in_parallel_in_input_order()
    {
        var log = RepositoryRoot.PathOf("samples", "seed-production-failure.log");
        var archive = RepositoryRoot.PathOf("samples", "sysdiagnose_2025.10.23_16-02-10+1100_iPhone-OS_iPhone_22E252.tar.gz");
        var seen = new List<DiagnosisProgress>();
        var progress = new SynchronousProgress(seen);

        var batch = await FleetDiagnoser.RunAsync(
            [new DiagnosisInput(archive, DiagnosisInputKind.Log), new DiagnosisInput(log, DiagnosisInputKind.Log), new DiagnosisInput(log + ".absent", DiagnosisInputKind.Log)],
            degree: 2, progress, CancellationToken.None);

        Assert.NotEmpty(batch.Calls);
        Assert.Equal(archive, batch.Calls[0].Source);
        Assert.Equal("22E252", batch.Calls[0].OsBuild);
        Assert.Contains(batch.Calls, c => c.Source == log);
        Assert.True(batch.Calls.SkipWhile(c => c.Source == archive).All(c => c.Source == log), "calls keep the order of their inputs");
        var failed = Assert.Single(batch.FailedInputs);
        Assert.EndsWith(".absent", failed.Source, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], seen.Select(p => p.Done).Order());
        Assert.All(seen, p => Assert.Equal(3, p.Total));
    }

    private sealed class SynchronousProgress(List<DiagnosisProgress> seen) : IProgress<DiagnosisProgress>
    {
        public void Report(DiagnosisProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
