using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Rules;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Tests.Diagnoser;

public class CallDiagnoserTests
{
    [Fact]
    public void ReadsTheSourceOnceAndKeepsOnlyRecognisedEvents()
    {
        var s = new Scenario().Fill(0, 50).Push(10).Configure(10.1).Report(10.2).Answer(12).Activate(12.2).End(30);
        s.Add(40, EventKind.TransactionError, action: CallActionType.Start, errorCode: 7);

        var report = s.Diagnose();

        Assert.Equal(s.Events.Count, report.RecognisedEvents);
        Assert.Equal(51 + s.Events.Count, report.Coverage.Entries);
        Assert.Equal(s.Events.Count, report.Calls.Sum(c => c.Events.Count) + report.OtherEvents.Count);
        Assert.Single(report.OtherEvents);
        Assert.Single(report.Findings, f => f.Id == "transaction-error");
        Assert.Equal(report.Findings.Count + report.Calls.Sum(c => c.Findings.Count), report.AllFindings.Count());
    }

    [Fact]
    public void EmptyInputGivesAnEmptyReport()
    {
        var report = new CallDiagnoser(new PreparedMatcher(new Dictionary<LogEntry, CallEvent>()))
            .Diagnose(new ListSource("empty.log", []));

        Assert.Empty(report.Calls);
        Assert.Empty(report.AllFindings);
        Assert.Equal(0, report.RecognisedEvents);
        Assert.Null(report.Coverage.First);
    }

    [Fact]
    public void RunsOnlyTheRulesItIsGiven()
    {
        var s = new Scenario().Fill(0, 20).Push(5).Report(5.1);
        var onlyPush = new CallDiagnoser(new PreparedMatcher(s.Events.ToDictionary(e => e.Entry, e => e)), DiagnosisOptions.Default, [new PushNotReportedRule()]);

        var report = onlyPush.Diagnose(new ListSource("s.log", s.Events.Select(e => e.Entry).ToList()));

        // The report would be workaround-missing or a coverage gap with the default rules; the push rule alone finds nothing.
        Assert.Empty(report.AllFindings);
        Assert.NotEmpty(s.Diagnose().AllFindings);
    }

    [Fact]
    public void CancellationStopsTheDiagnosis()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new CallDiagnoser(new PreparedMatcher(new Dictionary<LogEntry, CallEvent>())).Diagnose(new CancellingSource(), cts.Token));
    }

    [Fact]
    public void CoverageGapThresholdSeparatesHolesFromQuietStretches()
    {
        var coverage = new LogCoverage(TimeSpan.FromSeconds(60));
        foreach (var second in new[] { 0.0, 30, 59, 200, 201 })
        {
            coverage.Observe(new LogEntry("x") { Timestamp = Scenario.At(second) });
        }

        var gap = Assert.Single(coverage.Gaps);
        Assert.Equal(TimeSpan.FromSeconds(141), gap.Length);
        Assert.True(coverage.Covers(Scenario.At(1), Scenario.At(58)));
        Assert.False(coverage.Covers(Scenario.At(50), Scenario.At(60)));
        Assert.False(coverage.Covers(Scenario.At(150), Scenario.At(300)));
    }

    private sealed class CancellingSource : ILogEntrySource
    {
        public string Name => "cancel.log";

        public LogReadSummary Summary { get; } = new() { Source = "cancel.log" };

        public CaptureContext Context { get; } = new();

        public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new LogEntry("never");
        }
    }
}
