using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Reports.Html;

/// <summary>
/// Places a call's events on a swimlane chart: one lane per actor, x by time. Events closer in time than
/// <see cref="MinGap"/> pixels are pushed right so that every marker stays visible and the order is kept; events
/// without a timestamp follow the previous one.
/// </summary>
internal sealed class SwimlaneLayout
{
    public const double LaneLabelWidth = 130;
    public const double LaneHeight = 56;
    public const double TopMargin = 16;
    public const double AxisHeight = 44;
    public const double MinGap = 24;
    public const double RightMargin = 64;
    public const double MinPlotWidth = 900;

    /// <summary>The lanes, always the four actors of a call flow, plus "other" when some event has no known actor.</summary>
    public IReadOnlyList<EventActor> Lanes { get; }

    /// <summary>Marker positions, one per event in the flow's order.</summary>
    public IReadOnlyList<(CallEvent Event, double X, double Y)> Markers { get; }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The y of the time axis (below the last lane).</summary>
    public double AxisY => TopMargin + (Lanes.Count * LaneHeight);

    private SwimlaneLayout(IReadOnlyList<EventActor> lanes, IReadOnlyList<(CallEvent, double, double)> markers, double width)
    {
        Lanes = lanes;
        Markers = markers;
        Width = width;
        Height = TopMargin + (lanes.Count * LaneHeight) + AxisHeight;
    }

    public double LaneTop(int lane) => TopMargin + (lane * LaneHeight);

    public static SwimlaneLayout For(CallFlow call)
    {
        var lanes = new List<EventActor> { EventActor.App, EventActor.CallServices, EventActor.AudioServer, EventActor.System };
        if (call.Events.Exists(e => !lanes.Contains(e.Actor)))
        {
            lanes.Add(EventActor.Unknown);
        }

        var timed = call.Events.Where(e => e.Timestamp is not null).Select(e => e.Timestamp!.Value).ToList();
        var first = timed.Count > 0 ? timed.Min() : default;
        var last = timed.Count > 0 ? timed.Max() : default;
        var spanTicks = timed.Count > 1 ? Math.Max(1, last.Subtract(first).Ticks) : 1;
        var plotWidth = Math.Max(MinPlotWidth, call.Events.Count * MinGap);

        var markers = new List<(CallEvent, double, double)>(call.Events.Count);
        var previousX = LaneLabelWidth - MinGap + 12;
        foreach (var e in call.Events)
        {
            var x = previousX + MinGap;
            if (e.Timestamp is { } ts && timed.Count > 1)
            {
                var byTime = LaneLabelWidth + 12 + (plotWidth * ts.Subtract(first).Ticks / spanTicks);
                x = Math.Max(x, byTime);
            }

            var lane = lanes.IndexOf(lanes.Contains(e.Actor) ? e.Actor : EventActor.Unknown);
            markers.Add((e, x, TopMargin + (lane * LaneHeight) + (LaneHeight / 2)));
            previousX = x;
        }

        var width = Math.Max(LaneLabelWidth + 12 + plotWidth, previousX) + RightMargin;
        return new SwimlaneLayout(lanes, markers, width);
    }
}
