using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Tests.Diagnoser;

namespace CallKitDoctor.Diagnosis.Tests.Flows;

public class EventTimelineTests
{
    [Fact]
    public void PutsPastedSegmentsBackInTimeOrder()
    {
        var s = new Scenario();
        var late = s.Add(14, EventKind.ActionPerformed, action: CallActionType.Answer);
        var early = s.Add(9, EventKind.IncomingCallReported);
        var middle = s.Add(12, EventKind.SessionActivated, EventActor.AudioServer);

        var timeline = new EventTimeline(s.Events);

        Assert.Equal([early, middle, late], timeline.Events);
        Assert.True(timeline.IsBefore(early, late));
        Assert.Equal(1, timeline.PositionOf(middle));
    }

    [Fact]
    public void UntimedEventsStayAfterTheTimedEventBeforeThem()
    {
        var s = new Scenario();
        var b = s.Add(20, EventKind.ActionPerformed, action: CallActionType.Answer);
        var bare = s.Add(null, EventKind.SetActiveFailed, status: 561017449);
        var a = s.Add(10, EventKind.IncomingCallReported);
        var first = new Scenario().Add(null, EventKind.VoipPayloadDelivered);

        var timeline = new EventTimeline([first, .. s.Events]);

        Assert.Equal([first, a, b, bare], timeline.Events);
    }

    [Fact]
    public void EqualTimesKeepInputOrder()
    {
        var s = new Scenario();
        var one = s.Add(5, EventKind.IncomingCallReported);
        var two = s.Add(5, EventKind.IncomingCallReceived, EventActor.CallServices);

        Assert.Equal([one, two], new EventTimeline(s.Events).Events);
    }
}
