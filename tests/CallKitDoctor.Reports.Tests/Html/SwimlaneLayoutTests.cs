using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Reports.Html;
using CallKitDoctor.Reports.Tests.Fixtures;

namespace CallKitDoctor.Reports.Tests.Html;

public class SwimlaneLayoutTests
{
    [Fact]
    public void PutsEachEventInItsActorsLaneInOrderWithRoomBetween()
    {
        var call = SampleReports.Production().Calls[0];
        var layout = SwimlaneLayout.For(call);

        Assert.Equal([EventActor.App, EventActor.CallServices, EventActor.AudioServer, EventActor.System], layout.Lanes);
        for (var i = 0; i < layout.Markers.Count; i++)
        {
            var (e, x, y) = layout.Markers[i];
            var lane = layout.Lanes.ToList().IndexOf(e.Actor);
            Assert.InRange(y, layout.LaneTop(lane), layout.LaneTop(lane) + SwimlaneLayout.LaneHeight);
            Assert.InRange(x, SwimlaneLayout.LaneLabelWidth, layout.Width);
            if (i > 0)
            {
                Assert.True(x - layout.Markers[i - 1].X >= SwimlaneLayout.MinGap - 0.001, $"marker {i} too close");
            }
        }
    }

    [Fact]
    public void SpacesEventsByTimeWhenTheyAreFarApart()
    {
        var call = new CallFlow { Index = 1 };
        call.Events.Add(SampleReports.Event(EventKind.PushReceived, EventActor.CallServices, "callservicesd", SampleReports.At(0, 0, 0), 1, "a"));
        call.Events.Add(SampleReports.Event(EventKind.AppLaunched, EventActor.CallServices, "callservicesd", SampleReports.At(0, 1, 0), 2, "b"));
        call.Events.Add(SampleReports.Event(EventKind.IncomingCallReported, EventActor.App, "Glip", SampleReports.At(0, 10, 0), 3, "c"));
        var m = SwimlaneLayout.For(call).Markers;

        var firstGap = m[1].X - m[0].X;
        var secondGap = m[2].X - m[1].X;
        Assert.Equal(9.0, secondGap / firstGap, 1);
    }

    [Fact]
    public void EventsWithoutTimeFollowThePreviousOne()
    {
        var call = new CallFlow { Index = 1 };
        call.Events.Add(SampleReports.Event(EventKind.PushReceived, EventActor.System, "x", null, 1, "a"));
        call.Events.Add(SampleReports.Event(EventKind.AppLaunched, EventActor.Unknown, "y", null, 2, "b"));
        var layout = SwimlaneLayout.For(call);

        Assert.Equal(5, layout.Lanes.Count);
        Assert.Equal(SwimlaneLayout.MinGap, layout.Markers[1].X - layout.Markers[0].X, 3);
    }
}
