using System.Globalization;
using System.Text;
using CallKitDoctor.Fleet.Analysis;

namespace CallKitDoctor.Fleet.Output.Html;

/// <summary>Failures per day as bars (left axis) and the daily failure rate as a line (right axis), the rollout day marked.</summary>
internal static class DailyChart
{
    private const double Width = 720, Height = 300, Left = 64, Right = 64, Top = 24, Bottom = 48;

    public static void Write(StringBuilder html, IReadOnlyList<DailyRate> days, DateOnly? rollout)
    {
        var maxFailures = Svg.NiceCeiling(days.Select(d => (double)d.Counts.Events).DefaultIfEmpty(0).Max());
        var maxRate = Svg.NiceCeiling(days.Select(d => double.IsFinite(d.Counts.Rate) ? d.Counts.Rate : 0).DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var step = days.Count == 0 ? 0 : plotWidth / days.Count;
        double X(int i) => Left + (step * (i + 0.5));
        double YFailures(double n) => Top + plotHeight - (n / maxFailures * plotHeight);
        double YRate(double r) => Top + plotHeight - (r / maxRate * plotHeight);

        html.Append($"<svg class=\"chart\" data-chart=\"daily\" viewBox=\"0 0 {Svg.N(Width)} {Svg.N(Height)}\" width=\"{Svg.N(Width)}\" height=\"{Svg.N(Height)}\" role=\"img\" aria-label=\"Daily failures and failure rate\">");
        html.Append($"<line class=\"axis\" x1=\"{Svg.N(Left)}\" x2=\"{Svg.N(Width - Right)}\" y1=\"{Svg.N(Height - Bottom)}\" y2=\"{Svg.N(Height - Bottom)}\"/>");
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = YFailures(maxFailures * tick / 4);
            html.Append($"<line class=\"grid\" x1=\"{Svg.N(Left)}\" x2=\"{Svg.N(Width - Right)}\" y1=\"{Svg.N(y)}\" y2=\"{Svg.N(y)}\"/>");
            html.Append($"<text class=\"tick\" x=\"{Svg.N(Left - 6)}\" y=\"{Svg.N(y + 4)}\" text-anchor=\"end\">{(maxFailures * tick / 4).ToString("#,0.#", CultureInfo.InvariantCulture)}</text>");
            html.Append($"<text class=\"tick rate\" x=\"{Svg.N(Width - Right + 6)}\" y=\"{Svg.N(y + 4)}\">{Svg.Percent(maxRate * tick / 4)}</text>");
        }

        var line = new StringBuilder();
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            var top = YFailures(d.Counts.Events);
            html.Append($"<rect class=\"bar failures\" x=\"{Svg.N(X(i) - (step * 0.35))}\" y=\"{Svg.N(top)}\" width=\"{Svg.N(step * 0.7)}\" height=\"{Svg.N(Height - Bottom - top)}\"><title>{d.Date:yyyy-MM-dd}: {d.Counts.Events:N0} failures of {d.Counts.Trials:N0} calls ({Svg.Percent(d.Counts.Rate)})</title></rect>");
            if (double.IsFinite(d.Counts.Rate))
            {
                line.Append(line.Length == 0 ? "M" : " L").Append(Svg.N(X(i))).Append(',').Append(Svg.N(YRate(d.Counts.Rate)));
            }

            if (i % Math.Max(1, days.Count / 7) == 0)
            {
                html.Append($"<text class=\"label\" x=\"{Svg.N(X(i))}\" y=\"{Svg.N(Height - Bottom + 18)}\" text-anchor=\"middle\">{d.Date:MM-dd}</text>");
            }
        }

        if (line.Length > 0)
        {
            html.Append($"<path class=\"rate-line\" d=\"{line}\"/>");
        }

        if (rollout is { } day && days.Count > 0)
        {
            var index = days.ToList().FindIndex(d => d.Date >= day);
            if (index >= 0)
            {
                var x = X(index) - (step / 2);
                html.Append($"<line class=\"rollout\" x1=\"{Svg.N(x)}\" x2=\"{Svg.N(x)}\" y1=\"{Svg.N(Top - 8)}\" y2=\"{Svg.N(Height - Bottom)}\"/>");
                html.Append($"<text class=\"rollout-label\" x=\"{Svg.N(x + 4)}\" y=\"{Svg.N(Top)}\">rollout {day:yyyy-MM-dd}</text>");
            }
        }

        html.Append("</svg>");
    }
}
