using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Tests.Diagnoser;

namespace CallKitDoctor.Diagnosis.Tests.Rules;

public class VerdictTests
{
    [Fact]
    public void CallKitActivationIsAudioActivated()
    {
        var call = new Scenario().Fill(0, 30).Push(0).Configure(0.1).Report(0.2).Answer(2).Activate(2.2).End(20).Diagnose().Calls[0];

        Assert.Equal(CallVerdict.AudioActivated, call.Verdict);
        Assert.Contains("16:00:02.2", call.VerdictReason);
    }

    [Fact]
    public void ProxyFailureWithoutActivationIsActivationFailed()
    {
        var s = new Scenario().Fill(0, 30).Report(0).Answer(2);
        s.Add(2.1, EventKind.ProxySessionFailed, EventActor.CallServices, sessionId: 0);

        var call = s.Diagnose().Calls[0];

        Assert.Equal(CallVerdict.ActivationFailed, call.Verdict);
        Assert.Contains("0x0", call.VerdictReason);
    }

    [Fact]
    public void AppActivationAfterAFailureIsActivationMasked()
    {
        var s = new Scenario().Fill(0, 60).Report(0).Answer(2);
        s.Add(20, EventKind.EnteredForeground, EventActor.CallServices);
        s.Add(30, EventKind.SessionActivated, EventActor.App);

        var call = s.Diagnose().Calls[0];

        Assert.Contains(call.Findings, f => f.Id == "activation-missing");
        Assert.Equal(CallVerdict.ActivationMasked, call.Verdict);
    }

    [Fact]
    public void CallNotYetAnsweredIsUnknown()
    {
        var call = new Scenario().Fill(0, 30).Push(0).Configure(0.1).Report(0.2).Diagnose().Calls[0];

        Assert.Equal(CallVerdict.Unknown, call.Verdict);
        Assert.Contains("not answered", call.VerdictReason);
    }

    [Fact]
    public void LogEndingAfterTheAnswerIsUnknownNotFailed()
    {
        var call = new Scenario().Configure(0).Report(0.1).Answer(1).Diagnose().Calls[0];

        Assert.Equal(CallVerdict.Unknown, call.Verdict);
        Assert.Contains("does not cover", call.VerdictReason);
    }
}
