using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Tests.Diagnoser;

namespace CallKitDoctor.Diagnosis.Tests.Rules;

public class CallLifecycleRulesTests
{
    [Fact]
    public void UnholdAfterDeactivationWithoutReactivationFires()
    {
        var s = new Scenario().Fill(0, 60).Report(0).Answer(1).Activate(1.2);
        s.Add(10, EventKind.HoldChanged, onHold: true);
        s.Add(10.1, EventKind.DidDeactivateDelivered, EventActor.CallServices);
        s.Add(20, EventKind.HoldChanged, onHold: false);

        var finding = Assert.Single(s.Diagnose().Calls[0].Findings, f => f.Id == "hold-resume-no-activation");

        Assert.Equal(3, finding.Evidence.Count);
    }

    [Fact]
    public void UnholdFollowedByReactivationIsFine()
    {
        var s = new Scenario().Fill(0, 60).Report(0).Answer(1).Activate(1.2);
        s.Add(10, EventKind.HoldChanged, onHold: true);
        s.Add(10.1, EventKind.DidDeactivateDelivered, EventActor.CallServices);
        s.Add(20, EventKind.HoldChanged, onHold: false);
        s.Activate(20.3);

        Assert.DoesNotContain(s.Diagnose().AllFindings, f => f.Id == "hold-resume-no-activation");
    }

    [Fact]
    public void AppRestartingAudioWhileHeldFires()
    {
        var s = new Scenario().Report(0).Answer(1).Activate(1.2);
        s.Add(10, EventKind.HoldChanged, onHold: true);
        s.Add(10.2, EventKind.SetActiveFailed, status: 561017449);

        Assert.Contains(s.Diagnose().Calls[0].Findings, f => f.Id == "hold-resume-no-activation" && f.Message.Contains("left on hold"));
    }

    [Fact]
    public void PriorityFailureWhileAnsweringIsNotAHoldProblem()
    {
        var s = new Scenario().Report(0).Answer(1);
        s.Add(1.1, EventKind.SetActiveFailed, status: 561017449);

        Assert.DoesNotContain(s.Diagnose().AllFindings, f => f.Id == "hold-resume-no-activation");
    }

    [Fact]
    public void LoneSetActivePriorityFailuresPointAtAHeldCall()
    {
        var s = new Scenario();
        s.Add(null, EventKind.SetActiveFailed, status: 561017449);
        s.Add(null, EventKind.SetActiveFailed, EventActor.Unknown, status: 561017449);

        var report = s.Diagnose();

        Assert.Contains(report.Findings, f => f.Id == "hold-resume-no-activation" && f.Evidence.Count == 2);
    }

    [Fact]
    public void PushTerminationFiresPushNotReported()
    {
        var s = new Scenario();
        s.Add(null, EventKind.PushNotReportedTermination, EventActor.System, text: "Termination Reason: FRONTBOARD 0xbaadca11");

        var report = s.Diagnose();

        Assert.Contains(report.Findings, f => f.Id == "push-not-reported");
    }

    [Fact]
    public void PushWithoutReportInACoveredWindowFiresAndGivesNoCallReported()
    {
        var report = new Scenario().Fill(0, 60).Push(1).Diagnose();

        var call = Assert.Single(report.Calls);
        Assert.Contains(call.Findings, f => f.Id == "push-not-reported");
        Assert.Equal(CallVerdict.NoCallReported, call.Verdict);
    }

    [Fact]
    public void PushFollowedByAReportIsNotUnreported()
    {
        var report = new Scenario().Fill(0, 60).Push(1).Configure(1.1).Report(1.2).Diagnose();

        Assert.DoesNotContain(report.AllFindings, f => f.Id == "push-not-reported");
    }

    [Fact]
    public void PushAtTheEndOfTheLogIsACoverageGap()
    {
        var report = new Scenario().Fill(0, 10).Push(10).Diagnose();

        var call = Assert.Single(report.Calls);
        Assert.DoesNotContain(call.Findings, f => f.Id == "push-not-reported");
        Assert.Contains(call.Findings, f => f.Id == "log-coverage-gap");
        Assert.Equal(CallVerdict.Unknown, call.Verdict);
    }

    [Fact]
    public void ProviderResetFiresOnceWithEveryReset()
    {
        var s = new Scenario();
        s.Add(0, EventKind.ProviderReset, confidence: MatchConfidence.Heuristic);
        s.Add(0.1, EventKind.ProviderReset, confidence: MatchConfidence.Heuristic);
        s.Add(6000, EventKind.ProviderReset, confidence: MatchConfidence.Heuristic);

        var finding = Assert.Single(s.Diagnose().Findings, f => f.Id == "provider-reset");

        Assert.Contains("3 times", finding.Message);
        Assert.Equal(3, finding.Evidence.Count);
    }

    [Fact]
    public void NoResetNoProviderResetFinding()
    {
        var report = new Scenario().Fill(0, 30).Push(0).Configure(0.1).Report(0.2).Answer(2).Activate(2.2).End(20).Diagnose();

        Assert.DoesNotContain(report.AllFindings, f => f.Id == "provider-reset");
    }

    [Fact]
    public void TransactionErrorNamesTheCode()
    {
        var s = new Scenario();
        s.Add(null, EventKind.TransactionError, action: CallActionType.Start, errorCode: 7);

        var finding = Assert.Single(s.Diagnose().Findings, f => f.Id == "transaction-error");

        Assert.Contains("maximumCallGroupsReached (7)", finding.Message);
    }

    [Fact]
    public void FailedActionWithoutErrorCodeIsNotATransactionError()
    {
        var s = new Scenario().Report(0);
        s.Add(1, EventKind.ActionFailed, EventActor.CallServices);

        Assert.DoesNotContain(s.Diagnose().AllFindings, f => f.Id == "transaction-error");
    }

    [Fact]
    public void ConfigurationWhileAnotherCallIsActiveFires()
    {
        var s = new Scenario().Fill(0, 60).Push(0).Configure(0.1).Report(0.2).Answer(2).Activate(2.1);
        s.Push(20).Configure(20.1).Report(20.2);
        s.Add(30, EventKind.CallEnded);
        s.Add(40, EventKind.CallEnded);

        var report = s.Diagnose();

        var finding = Assert.Single(report.AllFindings, f => f.Id == "config-during-active-call");
        Assert.Equal(2, finding.CallIndex);
        Assert.Contains("call #1", finding.Message);
    }

    [Fact]
    public void ConfigurationBetweenSequentialCallsIsFine()
    {
        var s = new Scenario().Fill(0, 60).Push(0).Configure(0.1).Report(0.2).Answer(2).Activate(2.1).End(10);
        s.Push(20).Configure(20.1).Report(20.2);

        Assert.DoesNotContain(s.Diagnose().AllFindings, f => f.Id == "config-during-active-call");
    }
}
