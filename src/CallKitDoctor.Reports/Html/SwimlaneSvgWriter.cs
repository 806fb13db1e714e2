using System.Globalization;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Reports.Formatting;
using CallKitDoctor.Reports.Naming;
using CallKitDoctor.Reports.Tones;

namespace CallKitDoctor.Reports.Html;

/// <summary>Writes a call's <see cref="SwimlaneLayout"/> as inline SVG: lanes, a flow line, numbered markers, time labels.</summary>
internal static class SwimlaneSvgWriter
{
    private const double LabelSpacing = 120;

    public static void Write(TextWriter output, CallFlow call, SwimlaneLayout layout)
    {
        output.WriteLine(
            $"<svg class=\"swimlane\" role=\"img\" data-call=\"{call.Index}\" width=\"{N(layout.Width)}\" height=\"{N(layout.Height)}\" viewBox=\"0 0 {N(layout.Width)} {N(layout.Height)}\">");
        output.WriteLine($"<title>Call {call.Index} timeline: {call.Events.Count} events by process</title>");
        for (var i = 0; i < layout.Lanes.Count; i++)
        {
            var actor = layout.Lanes[i];
            var top = layout.LaneTop(i);
            output.WriteLine(
                $"<g class=\"lane\" data-actor=\"{actor.ToName()}\"><rect class=\"lane-bg{(i % 2 == 1 ? " odd" : "")}\" x=\"0\" y=\"{N(top)}\" width=\"{N(layout.Width)}\" height=\"{N(SwimlaneLayout.LaneHeight)}\"/>" +
                $"<text class=\"lane-label\" x=\"10\" y=\"{N(top + (SwimlaneLayout.LaneHeight / 2) + 4)}\">{HtmlText.Encode(actor.ToLaneLabel())}</text></g>");
        }

        if (layout.Markers.Count > 1)
        {
            // Point by point: a call with many events would otherwise build one string of all its points.
            output.Write("<polyline class=\"flow\" points=\"");
            for (var i = 0; i < layout.Markers.Count; i++)
            {
                if (i > 0)
                {
                    output.Write(' ');
                }

                var (_, x, y) = layout.Markers[i];
                output.Write(N(x));
                output.Write(',');
                output.Write(N(y));
            }

            output.WriteLine("\"/>");
        }

        var axisY = layout.AxisY;
        output.WriteLine($"<line class=\"axis\" x1=\"{N(SwimlaneLayout.LaneLabelWidth)}\" y1=\"{N(axisY)}\" x2=\"{N(layout.Width - 10)}\" y2=\"{N(axisY)}\"/>");
        var lastLabelX = double.MinValue;
        for (var i = 0; i < layout.Markers.Count; i++)
        {
            var (e, x, y) = layout.Markers[i];
            var tone = ToneClasses.Of(ToneMap.Of(e.Kind));
            var tooltip = $"{i + 1}. {TimestampText.Log(e.Timestamp)} {e.Entry.Process} — {e.Kind.ToName()}\n{Excerpt.Of(e.Entry.EventMessage, 300)}";
            output.WriteLine(
                $"<g class=\"event tone-{tone}\" data-event=\"{i + 1}\" data-kind=\"{e.Kind.ToName()}\" data-actor=\"{e.Actor.ToName()}\" tabindex=\"0\">" +
                $"<line class=\"tick\" x1=\"{N(x)}\" y1=\"{N(y + 10)}\" x2=\"{N(x)}\" y2=\"{N(axisY)}\"/>" +
                $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"10\"/>" +
                $"<text class=\"num\" x=\"{N(x)}\" y=\"{N(y + 3.5)}\">{i + 1}</text>" +
                $"<title>{HtmlText.Encode(tooltip)}</title></g>");
            if (e.Timestamp is not null && x - lastLabelX >= LabelSpacing)
            {
                output.WriteLine($"<text class=\"time\" x=\"{N(x)}\" y=\"{N(axisY + 16)}\">{HtmlText.Encode(TimestampText.TimeOfDay(e.Timestamp))}</text>");
                lastLabelX = x;
            }
        }

        output.WriteLine("</svg>");
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
