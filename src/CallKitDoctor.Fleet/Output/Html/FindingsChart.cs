using System.Text;
using CallKitDoctor.Fleet.Analysis;

namespace CallKitDoctor.Fleet.Output.Html;

/// <summary>The share of all calls per finding id as horizontal bars with the interval as error bars.</summary>
internal static class FindingsChart
{
    private const double Width = 720, Left = 260, Right = 72, Row = 28, Top = 8;

    public static void Write(StringBuilder html, IReadOnlyList<FindingShare> overall)
    {
        var height = Top + (Row * overall.Count) + 24;
        var max = Svg.NiceCeiling(overall.Select(f => double.IsFinite(f.Interval.High) ? f.Interval.High : 0).DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        double X(double share) => Left + (share / max * plotWidth);

        html.Append($"<svg class=\"chart\" data-chart=\"findings\" viewBox=\"0 0 {Svg.N(Width)} {Svg.N(height)}\" width=\"{Svg.N(Width)}\" height=\"{Svg.N(height)}\" role=\"img\" aria-label=\"Share of calls per finding\">");
        for (var i = 0; i < overall.Count; i++)
        {
            var f = overall[i];
            var y = Top + (Row * i);
            html.Append($"<text class=\"label\" x=\"{Svg.N(Left - 8)}\" y=\"{Svg.N(y + 18)}\" text-anchor=\"end\">{Svg.Text(f.FindingId)}</text>");
            html.Append($"<rect class=\"bar finding\" x=\"{Svg.N(Left)}\" y=\"{Svg.N(y + 5)}\" width=\"{Svg.N(Math.Max(0, X(f.Share) - Left))}\" height=\"{Svg.N(Row - 10)}\"><title>{Svg.Text(f.FindingId)}: {f.Counts.Events:N0} of {f.Counts.Trials:N0} calls</title></rect>");
            if (double.IsFinite(f.Interval.Low) && double.IsFinite(f.Interval.High))
            {
                html.Append($"<line class=\"errorbar\" x1=\"{Svg.N(X(f.Interval.Low))}\" x2=\"{Svg.N(X(f.Interval.High))}\" y1=\"{Svg.N(y + (Row / 2))}\" y2=\"{Svg.N(y + (Row / 2))}\"/>");
            }

            html.Append($"<text class=\"value\" x=\"{Svg.N(Width - Right + 6)}\" y=\"{Svg.N(y + 18)}\">{Svg.Percent(f.Share)}</text>");
        }

        html.Append($"<line class=\"axis\" x1=\"{Svg.N(Left)}\" x2=\"{Svg.N(Left)}\" y1=\"{Svg.N(Top)}\" y2=\"{Svg.N(height - 20)}\"/>");
        html.Append($"<text class=\"tick\" x=\"{Svg.N(Width - Right)}\" y=\"{Svg.N(height - 4)}\" text-anchor=\"end\">{Svg.Percent(max)}</text>");
        html.Append("</svg>");
    }
}
