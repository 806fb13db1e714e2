using System.Text;
using CallKitDoctor.Fleet.Analysis;

namespace CallKitDoctor.Fleet.Output.Html;

/// <summary>Failure rate per group (OS version) as points with their confidence interval as error bars.</summary>
internal static class RateByVersionChart
{
    private const double Width = 720, Height = 300, Left = 64, Right = 16, Top = 16, Bottom = 56;

    public static void Write(StringBuilder html, IReadOnlyList<GroupRate> groups, string confidence)
    {
        var top = Svg.NiceCeiling(groups.Select(g => double.IsFinite(g.Interval.High) ? g.Interval.High : 0).DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Y(double rate) => Top + plotHeight - (rate / top * plotHeight);

        html.Append($"<svg class=\"chart\" data-chart=\"rate-by-version\" viewBox=\"0 0 {Svg.N(Width)} {Svg.N(Height)}\" width=\"{Svg.N(Width)}\" height=\"{Svg.N(Height)}\" role=\"img\" aria-label=\"Failure rate by version with {confidence} intervals\">");
        Axis(html, top, Y);
        var step = groups.Count == 0 ? 0 : plotWidth / groups.Count;
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var x = Left + (step * (i + 0.5));
            var label = g.Key.ToString().Replace(g.Key.Columns.Count == 1 ? g.Key.Columns[0] + "=" : "\0", "", StringComparison.Ordinal);
            if (double.IsFinite(g.Interval.Low) && double.IsFinite(g.Interval.High))
            {
                html.Append($"<line class=\"errorbar\" x1=\"{Svg.N(x)}\" x2=\"{Svg.N(x)}\" y1=\"{Svg.N(Y(g.Interval.Low))}\" y2=\"{Svg.N(Y(g.Interval.High))}\"/>");
                html.Append($"<line class=\"errorcap\" x1=\"{Svg.N(x - 6)}\" x2=\"{Svg.N(x + 6)}\" y1=\"{Svg.N(Y(g.Interval.High))}\" y2=\"{Svg.N(Y(g.Interval.High))}\"/>");
                html.Append($"<line class=\"errorcap\" x1=\"{Svg.N(x - 6)}\" x2=\"{Svg.N(x + 6)}\" y1=\"{Svg.N(Y(g.Interval.Low))}\" y2=\"{Svg.N(Y(g.Interval.Low))}\"/>");
            }

            if (double.IsFinite(g.Rate))
            {
                html.Append($"<circle class=\"point\" cx=\"{Svg.N(x)}\" cy=\"{Svg.N(Y(g.Rate))}\" r=\"5\"><title>{Svg.Text(label)}: {Svg.Percent(g.Rate)} ({Svg.Percent(g.Interval.Low)} – {Svg.Percent(g.Interval.High)}), {g.Counts.Events:N0} of {g.Counts.Trials:N0} calls</title></circle>");
            }

            html.Append($"<text class=\"label\" x=\"{Svg.N(x)}\" y=\"{Svg.N(Height - Bottom + 18)}\" text-anchor=\"middle\">{Svg.Text(label)}</text>");
        }

        html.Append("</svg>");
    }

    private static void Axis(StringBuilder html, double top, Func<double, double> y)
    {
        html.Append($"<line class=\"axis\" x1=\"{Svg.N(Left)}\" x2=\"{Svg.N(Left)}\" y1=\"{Svg.N(Top)}\" y2=\"{Svg.N(Height - Bottom)}\"/>");
        html.Append($"<line class=\"axis\" x1=\"{Svg.N(Left)}\" x2=\"{Svg.N(Width - Right)}\" y1=\"{Svg.N(Height - Bottom)}\" y2=\"{Svg.N(Height - Bottom)}\"/>");
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = top * tick / 4;
            html.Append($"<line class=\"grid\" x1=\"{Svg.N(Left)}\" x2=\"{Svg.N(Width - Right)}\" y1=\"{Svg.N(y(value))}\" y2=\"{Svg.N(y(value))}\"/>");
            html.Append($"<text class=\"tick\" x=\"{Svg.N(Left - 6)}\" y=\"{Svg.N(y(value) + 4)}\" text-anchor=\"end\">{Svg.Percent(value)}</text>");
        }
    }
}
