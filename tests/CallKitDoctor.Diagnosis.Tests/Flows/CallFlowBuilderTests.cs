using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Tests.Diagnoser;

namespace CallKitDoctor.Diagnosis.Tests.Flows;

public class CallFlowBuilderTests
{
    [Fact]
    public void HealthyIncomingFlowIsOneCallWithEveryEvent()
    {
        var s = new Scenario().Push(0).Configure(0.1).Report(0.2).Answer(4).Activate(4.2).End(30);

        var flows = s.Flows();

        var call = Assert.Single(flows.Calls);
        Assert.Equal(CallDirection.Incoming, call.Direction);
        Assert.Equal(EventKind.IncomingCallReported, call.Opening!.Kind);
        Assert.Equal(EventKind.CallEnded, call.Ending!.Kind);
        Assert.Equal(s.Events.Count, call.Events.Count);
        Assert.Equal("Glip", call.AppProcess);
        Assert.Empty(flows.Unassigned);
    }

    [Fact]
    public void SequentialCallsEachGetTheirOwnActivation()
    {
        var s = new Scenario().Report(0).Answer(2).Activate(2.2).End(10).Report(20).Answer(22).Activate(22.3);

        var calls = s.Flows().Calls;

        Assert.Equal(2, calls.Count);
        Assert.Equal(Scenario.At(2.2), calls[0].First(EventKind.SessionActivated)!.Timestamp);
        Assert.Equal(Scenario.At(22.3), calls[1].First(EventKind.SessionActivated)!.Timestamp);
        Assert.Equal([1, 2], calls.Select(c => c.Index));
    }

    [Fact]
    public void UuidCorrelationWinsOverOrder()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var s = new Scenario().Report(0, first).Answer(2, first).Report(10, second);
        var lateEnd = s.Add(12, EventKind.CallEnded, uuid: first);
        var answerSecond = s.Add(13, EventKind.ActionPerformed, uuid: second, action: CallActionType.Answer);

        var calls = s.Flows().Calls;

        Assert.Equal(2, calls.Count);
        Assert.Equal(first, calls[0].CallUuid);
        Assert.Same(lateEnd, calls[0].Ending);
        Assert.Contains(answerSecond, calls[1].Events);
        Assert.DoesNotContain(lateEnd, calls[1].Events);
    }

    [Fact]
    public void OverlappingCallsWithoutUuidsSendAudioToTheLatestCallNotOnHold()
    {
        var s = new Scenario().Report(0).Answer(2).Activate(2.1);
        s.Report(20);
        var hold = s.Add(21, EventKind.HoldChanged, onHold: true);
        s.Answer(21.5);
        var activation = s.Add(22, EventKind.DidActivateDelivered, EventActor.CallServices, active: true);
        s.End(40);
        var unhold = s.Add(41, EventKind.HoldChanged, onHold: false);

        var calls = s.Flows().Calls;

        Assert.Equal(2, calls.Count);
        Assert.Contains(hold, calls[0].Events);
        Assert.Contains(activation, calls[1].Events);
        Assert.NotNull(calls[1].Ending);
        Assert.Contains(unhold, calls[0].Events);
        Assert.Null(calls[0].Ending);
    }

    [Fact]
    public void UnholdGoesToTheHeldCall()
    {
        var s = new Scenario().Report(0).Answer(1);
        var hold = s.Add(5, EventKind.ActionPerformed, action: CallActionType.SetHeld, onHold: true);
        s.Report(6).Answer(7);
        var unhold = s.Add(9, EventKind.ActionPerformed, action: CallActionType.SetHeld, onHold: false);

        var calls = s.Flows().Calls;

        Assert.Contains(hold, calls[0].Events);
        Assert.Contains(unhold, calls[0].Events);
        Assert.DoesNotContain(unhold, calls[1].Events);
    }

    [Fact]
    public void AppReportAndCallservicesdReceiptPairButTwoAppReportsAreTwoCalls()
    {
        var s = new Scenario().Report(0);
        s.Add(0.5, EventKind.IncomingCallReported);

        var calls = s.Flows().Calls;

        Assert.Equal(2, calls.Count);
        Assert.Equal(2, calls[0].Events.Count);
    }

    [Fact]
    public void PushWithoutReportBecomesACallWithoutOpening()
    {
        var s = new Scenario().Push(0).Push(40).Report(40.2);

        var calls = s.Flows().Calls;

        Assert.Equal(2, calls.Count);
        Assert.Null(calls[0].Opening);
        Assert.All(calls[0].Events, e => Assert.Equal(EventActor.CallServices, e.Actor));
        Assert.Equal(5, calls[1].Events.Count);
    }

    [Fact]
    public void AppOnlyOutgoingNsLogFlowIsOneOutgoingCall()
    {
        // providerDidBegin → StartCallAction → performStartCallAction → didActivateAudioSession (Xcode console).
        var s = new Scenario();
        s.Add(0, EventKind.ProviderBegan, confidence: MatchConfidence.Heuristic);
        s.Add(0.01, EventKind.OutgoingCallStarted, action: CallActionType.Start, confidence: MatchConfidence.Heuristic);
        s.Add(0.02, EventKind.ActionPerformed, action: CallActionType.Start, confidence: MatchConfidence.Heuristic);
        s.Add(1.1, EventKind.DidActivateDelivered, confidence: MatchConfidence.Heuristic);

        var call = Assert.Single(s.Flows().Calls);

        Assert.Equal(CallDirection.Outgoing, call.Direction);
        Assert.Equal(4, call.Events.Count);
    }

    [Fact]
    public void FragmentsWithoutCallsStayUnassigned()
    {
        var s = new Scenario();
        s.Add(null, EventKind.DidDeactivateDelivered, confidence: MatchConfidence.Heuristic);
        s.Add(null, EventKind.AudioIoFailed, status: 561017449);
        s.Add(null, EventKind.TransactionError, errorCode: 7);

        var flows = s.Flows();

        Assert.Empty(flows.Calls);
        Assert.Equal(3, flows.Unassigned.Count);
    }

    [Fact]
    public void OldConfigurationLinesAreNotPartOfTheNextCall()
    {
        var s = new Scenario().Configure(0).Report(300);

        var flows = s.Flows();

        Assert.Equal(2, Assert.Single(flows.Calls).Events.Count);
        Assert.Equal(3, flows.Unassigned.Count);
    }

    [Fact]
    public void ProviderResetEndsEveryOpenCall()
    {
        var s = new Scenario().Report(0).Answer(1).Report(5);
        var reset = s.Add(8, EventKind.ProviderReset);

        var calls = s.Flows().Calls;

        Assert.All(calls, c => Assert.Same(reset, c.Ending));
    }

    [Fact]
    public void AnswerWithoutReportOpensAnIncomingCall()
    {
        var s = new Scenario().Answer(3).Activate(3.2);

        var call = Assert.Single(s.Flows().Calls);

        Assert.Equal(CallDirection.Incoming, call.Direction);
        Assert.Null(call.Opening);
        Assert.Equal(4, call.Events.Count);
    }
}
