using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Tests.Diagnoser;

namespace CallKitDoctor.Diagnosis.Tests.Rules;

public class WorkaroundMissingRuleTests
{
    private const string Id = "workaround-missing";
    private const string Gap = "log-coverage-gap";

    private static IEnumerable<string> CallFindings(DiagnosisReport report, int call) =>
        report.Calls[call - 1].Findings.Select(f => f.Id);

    [Fact]
    public void FiresWhenTheReportFollowsThePushWithoutSetConfiguration()
    {
        var report = new Scenario().Fill(0, 10).Push(10).Report(10.1).Diagnose();

        var finding = Assert.Single(report.Calls[0].Findings, f => f.Id == Id);
        Assert.Contains("VoIP push", finding.Message);
        Assert.Equal(3, finding.Evidence.Count);
        Assert.Contains(finding.Evidence, e => e.Text.Contains("IncomingCallReported"));
        Assert.True(finding.Evidence.All(e => e.Location.Line > 0));
    }

    [Fact]
    public void DoesNotFireWhenSetConfigurationSitsBetweenDeliveryAndReport()
    {
        var report = new Scenario().Fill(0, 10).Push(10).Configure(10.1).Report(10.2).Diagnose();

        Assert.DoesNotContain(Id, CallFindings(report, 1));
        Assert.DoesNotContain(Gap, CallFindings(report, 1));
    }

    [Fact]
    public void ConfigurationBeforeThePushDoesNotCount()
    {
        var report = new Scenario().Fill(0, 10).Configure(2).Push(10).Report(10.1).Diagnose();

        Assert.Contains(Id, CallFindings(report, 1));
    }

    [Fact]
    public void UsesThePreviousCallsEndAsTheWindowStart()
    {
        var s = new Scenario().Fill(0, 60).Configure(1).Report(1.1).Answer(3).Activate(3.2).End(20).Report(40);

        var report = s.Diagnose();

        Assert.DoesNotContain(Id, CallFindings(report, 1));
        var finding = Assert.Single(report.Calls[1].Findings, f => f.Id == Id);
        Assert.Contains("end of call #1", finding.Message);
    }

    [Fact]
    public void AnotherActiveCallExemptsTheReport()
    {
        var s = new Scenario().Fill(0, 60).Push(0).Configure(0.1).Report(0.2).Answer(2).Activate(2.1);
        s.Push(20).Report(20.2);
        s.Add(30, EventKind.CallEnded);
        s.Add(31, EventKind.HoldChanged, onHold: false);

        var report = s.Diagnose();

        Assert.Equal(2, report.Calls.Count);
        Assert.DoesNotContain(Id, report.AllFindings.Select(f => f.Id));
    }

    [Fact]
    public void LogStartingAtTheReportIsACoverageGapNotAFinding()
    {
        // As in the seed: the first report is the first line; setConfiguration may have been logged and purged before.
        var report = new Scenario().Report(0).Fill(0, 30).Diagnose();

        Assert.DoesNotContain(Id, CallFindings(report, 1));
        var gap = Assert.Single(report.Calls[0].Findings, f => f.Id == Gap);
        Assert.Contains("predate", gap.Message);
    }

    [Fact]
    public void EnoughLogBeforeTheReportWithoutAPushStillFires()
    {
        var report = new Scenario().Fill(0, 20).Filler(1, "Glip").Report(20).Diagnose();

        Assert.Contains(Id, CallFindings(report, 1));
    }

    [Fact]
    public void AppLinesStartingAtTheReportAreACoverageGap()
    {
        // callservicesd and others are logged, but the app's own earlier lines are gone (purged).
        var report = new Scenario().Fill(0, 20).Report(20).Diagnose();

        Assert.DoesNotContain(Id, CallFindings(report, 1));
        Assert.Contains(report.Calls[0].Findings, f => f.Id == Gap && f.Message.Contains("app's (Glip) own lines"));
    }

    [Fact]
    public void AHoleBeforeTheReportIsACoverageGap()
    {
        var report = new Scenario().Fill(0, 3).Push(3).Filler(200).Report(200.5).Diagnose();

        Assert.DoesNotContain(Id, CallFindings(report, 1));
        Assert.Contains(Gap, CallFindings(report, 1));
    }

    [Fact]
    public void AppOnlyNsLogCaptureCannotShowTheConfiguration()
    {
        var s = new Scenario().Fill(0, 20);
        s.Add(20, EventKind.OutgoingCallStarted, action: CallActionType.Start, confidence: MatchConfidence.Heuristic);

        var report = s.Diagnose();

        Assert.DoesNotContain(Id, CallFindings(report, 1));
        Assert.Contains(report.Calls[0].Findings, f => f.Id == Gap && f.Message.Contains("no CallKit framework lines"));
    }

    [Fact]
    public void OutgoingCallWithoutConfigurationBeforeTheStartFires()
    {
        var s = new Scenario().Fill(0, 20).Filler(2, "Glip");
        s.Add(20, EventKind.OutgoingCallStarted, action: CallActionType.Start);

        var report = s.Diagnose();

        Assert.Contains(report.Calls[0].Findings, f => f.Id == Id && f.Message.Contains("started"));
    }
}
