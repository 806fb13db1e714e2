using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Tests.Diagnoser;

namespace CallKitDoctor.Diagnosis.Tests.Rules;

public class ActivationRulesTests
{
    [Fact]
    public void ActivationMissingFiresWhenTheLogCoversTheWindowAfterTheAnswer()
    {
        var report = new Scenario().Fill(0, 30).Configure(0).Report(0.1).Answer(5).Diagnose();

        var finding = Assert.Single(report.Calls[0].Findings, f => f.Id == "activation-missing");
        Assert.Contains("never activated", finding.Message);
    }

    [Fact]
    public void ActivationMissingDoesNotFireWhenCallKitActivated()
    {
        var report = new Scenario().Fill(0, 30).Configure(0).Report(0.1).Answer(5).Activate(5.3).Diagnose();

        Assert.DoesNotContain(report.AllFindings, f => f.Id == "activation-missing");
    }

    [Fact]
    public void ActivationMissingBecomesACoverageGapWhenTheLogEndsTooSoon()
    {
        var report = new Scenario().Fill(0, 5).Configure(5).Report(5.1).Answer(6).Diagnose();

        Assert.DoesNotContain(report.AllFindings, f => f.Id == "activation-missing");
        Assert.Contains(report.Calls[0].Findings, f => f.Id == "log-coverage-gap" && f.Message.Contains("log ends"));
    }

    [Fact]
    public void ActivationMissingIsSilentWhenTheCallEndsInsideTheWindow()
    {
        var report = new Scenario().Fill(0, 30).Configure(0).Report(0.1).Answer(5).End(6).Diagnose();

        Assert.DoesNotContain(report.AllFindings, f => f.Id is "activation-missing" or "log-coverage-gap");
    }

    [Fact]
    public void TimedOutAnswerIsActivationMissing()
    {
        var s = new Scenario().Configure(0).Report(0.1);
        s.Add(2, EventKind.ActionPerformed, action: CallActionType.Answer);
        s.Add(3, EventKind.ActionTimedOut, EventActor.CallServices, action: CallActionType.Answer);

        var report = s.Diagnose();

        Assert.Contains(report.Calls[0].Findings, f => f.Id == "activation-missing" && f.Message.Contains("timed out"));
    }

    [Fact]
    public void RedactedActionAfterTheReportCountsAsTheAnswer()
    {
        var s = new Scenario().Fill(0, 30).Configure(0).Report(0.1);
        s.Add(4, EventKind.ActionPerformed);
        s.Add(4.1, EventKind.ActionCompleted);

        var report = s.Diagnose();

        var finding = Assert.Single(report.Calls[0].Findings, f => f.Id == "activation-missing");
        Assert.Contains("probably the answer", finding.Evidence[0].Note);
    }

    [Fact]
    public void AppOnlyLogWithoutActivationSignalsIsACoverageGap()
    {
        var s = new Scenario().Fill(0, 30);
        s.Add(1, EventKind.IncomingCallReported, confidence: MatchConfidence.Heuristic);
        s.Add(2, EventKind.ActionPerformed, action: CallActionType.Answer, confidence: MatchConfidence.Heuristic);

        var report = s.Diagnose();

        Assert.DoesNotContain(report.AllFindings, f => f.Id == "activation-missing");
        Assert.Contains(report.Calls[0].Findings, f => f.Id == "log-coverage-gap" && f.Message.Contains("didActivate"));
    }

    [Fact]
    public void SessionIdZeroFiresOnProxyFailureForSessionZero()
    {
        var s = new Scenario().Report(0).Answer(1);
        s.Add(1.2, EventKind.ProxySessionFailed, EventActor.CallServices, sessionId: 0, status: -50);

        var report = s.Diagnose();

        var finding = Assert.Single(report.Calls[0].Findings, f => f.Id == "session-id-zero");
        Assert.Equal(1, finding.CallIndex);
        Assert.Single(finding.Evidence);
    }

    [Fact]
    public void SessionIdZeroDoesNotFireForAnotherSessionId()
    {
        var s = new Scenario().Report(0).Answer(1);
        s.Add(1.2, EventKind.ProxySessionFailed, EventActor.CallServices, sessionId: 0x3535e);

        Assert.DoesNotContain(s.Diagnose().AllFindings, f => f.Id == "session-id-zero");
    }

    [Fact]
    public void SessionIdZeroOnALoneLineIsALogLevelFinding()
    {
        var s = new Scenario();
        s.Add(0, EventKind.ProxySessionFailed, EventActor.AudioServer, text: "failed due to session lookup failure for SessionID 0x0");

        var report = s.Diagnose();

        Assert.Empty(report.Calls);
        Assert.Null(Assert.Single(report.Findings, f => f.Id == "session-id-zero").CallIndex);
    }

    [Fact]
    public void AppActivatedAudioFiresAndSaysItMasksTheFailureInForeground()
    {
        var s = new Scenario().Fill(0, 60).Report(0).Answer(5);
        s.Add(20, EventKind.EnteredForeground, EventActor.CallServices);
        s.Add(30, EventKind.SessionActivated, EventActor.App, sessionId: 0xd387b18, text: "Activated session 0xd387b18");

        var report = s.Diagnose();

        var finding = Assert.Single(report.Calls[0].Findings, f => f.Id == "app-activated-audio");
        Assert.Contains("masks", finding.Message);
        Assert.Contains("foreground", finding.Message);
        Assert.Equal(2, finding.Evidence.Count);
    }

    [Fact]
    public void AppActivatedAudioDoesNotFireForCallKitsActivation()
    {
        var report = new Scenario().Fill(0, 30).Report(0).Answer(5).Activate(5.2).Diagnose();

        Assert.DoesNotContain(report.AllFindings, f => f.Id == "app-activated-audio");
    }

    [Fact]
    public void AudioServerActivationWithoutControllingProcessIsTheApps()
    {
        var s = new Scenario().Report(0).Answer(1);
        s.Add(1.1, EventKind.SessionActivated, EventActor.AudioServer, text: "{ \"action\":\"activate\", \"details\":null }");
        s.Add(2, EventKind.SessionActivated, EventActor.AudioServer, text: "cmsSetIsActive 'sid:0x1803a, callservicesd(112)' going active");

        var finding = Assert.Single(s.Diagnose().Calls[0].Findings, f => f.Id == "app-activated-audio");

        Assert.Single(finding.Evidence);
    }

    [Fact]
    public void AppSetActiveErrorsCountAsTheAppActivating()
    {
        var s = new Scenario();
        s.Add(0, EventKind.SetActiveFailed, status: 561017449);

        Assert.Contains(s.Diagnose().Findings, f => f.Id == "app-activated-audio");
    }

    [Fact]
    public void InsufficientPriorityFiresForBothSpellings()
    {
        var s = new Scenario().Report(0).Answer(1);
        s.Add(1.1, EventKind.SetActiveFailed, EventActor.AudioServer, status: -12983);
        s.Add(null, EventKind.AudioIoFailed, text: "AURemoteIO.cpp:1086:Initialize: failed: 561017449");

        var report = s.Diagnose();

        var finding = Assert.Single(report.Calls[0].Findings, f => f.Id == "insufficient-priority");
        Assert.Equal(2, finding.Evidence.Count);
        Assert.Contains("-12983", finding.Message);
    }

    [Fact]
    public void InsufficientPriorityDoesNotFireForOtherCodes()
    {
        var s = new Scenario();
        s.Add(0, EventKind.SetActiveFailed, status: 560557684);

        Assert.DoesNotContain(s.Diagnose().AllFindings, f => f.Id == "insufficient-priority");
    }

    [Fact]
    public void MissingEntitlementAnywhereIsAudioConfiguredBeforeActivation()
    {
        var s = new Scenario();
        s.Add(0, EventKind.AudioIoFailed, text: "[aurioc] 889: failed: 'ent?' (enable 3, outf< 1 ch, 44100 Hz, Float32>)");

        var finding = Assert.Single(s.Diagnose().Findings, f => f.Id == "audio-configured-before-activation");

        Assert.Contains("1701737535", finding.Message);
    }

    [Fact]
    public void AudioIoFailureBeforeCallKitActivationFires()
    {
        var s = new Scenario().Report(0).Answer(1);
        s.Add(1.1, EventKind.AudioIoFailed, status: 561017449);
        s.Activate(1.5);

        Assert.Contains(s.Diagnose().Calls[0].Findings, f => f.Id == "audio-configured-before-activation");
    }

    [Fact]
    public void AudioIoFailureAfterActivationIsNotConfiguredTooEarly()
    {
        var s = new Scenario().Report(0).Answer(1).Activate(1.5);
        s.Add(3, EventKind.AudioIoFailed, status: 561017449);

        Assert.DoesNotContain(s.Diagnose().AllFindings, f => f.Id == "audio-configured-before-activation");
    }
}
