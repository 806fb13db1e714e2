using System.Globalization;
using System.Text;
using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Comparisons;

namespace CallKitDoctor.Fleet.Output.Html;

/// <summary>
/// One self-contained HTML page (inline CSS and SVG, no script, nothing fetched): failure rate by OS version with error
/// bars, daily failures and rate with the rollout marked, the findings breakdown, and the tables behind them.
/// </summary>
public static class FleetHtmlWriter
{
    private const string Style = """
        body{font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1d1d1f;background:#fff;margin:24px auto;max-width:980px;padding:0 16px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .meta{color:#555}.note{color:#555;margin:2px 0}.bad{color:#a33}
        table{border-collapse:collapse;margin:8px 0;font-variant-numeric:tabular-nums}th,td{padding:3px 10px;border-bottom:1px solid #eee;text-align:right}
        th:first-child,td:first-child,td.key,th.key{text-align:left}td:not(.key){white-space:nowrap}
        .chart{display:block;max-width:100%;height:auto;margin:8px 0}
        .axis{stroke:#333;stroke-width:1}.grid{stroke:#e6e6e6;stroke-width:1}.tick,.label,.value,.rollout-label{font-size:11px;fill:#444}
        .point{fill:#c0392b}.errorbar,.errorcap{stroke:#c0392b;stroke-width:2}.bar.failures{fill:#e3a59d}.bar.finding{fill:#5b8def}
        .rate-line{fill:none;stroke:#1d3557;stroke-width:2}.rollout{stroke:#2a9d8f;stroke-width:2;stroke-dasharray:6 4}.rollout-label{fill:#2a9d8f;font-weight:600}
        .worse{color:#b00020;font-weight:600}.better{color:#1b7f3b;font-weight:600}
        """;

    public static void Write(FleetResult result, TextWriter output)
    {
        var confidence = (result.Request.Confidence * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>CallKit fleet report</title><style>").Append(Style).Append("</style></head><body>");
        var load = result.Load;
        html.Append("<h1>CallKit audio activation across the fleet</h1>")
            .Append($"<p class=\"meta\">{Svg.Text(load.Path)} ({FleetFormatNames.Of(load.Format)}): {load.RowsRead:N0} rows, {load.RowsUsed:N0} used, {load.BadRowCount:N0} not used. Failure = <code>did_activate = false</code>; intervals are Wilson {confidence}.</p>");
        foreach (var note in load.Notes)
        {
            html.Append($"<p class=\"note\">{Svg.Text(note)}</p>");
        }

        foreach (var bad in load.BadRows.Take(20))
        {
            html.Append($"<p class=\"note bad\">{Svg.Text(bad.ToString())}</p>");
        }

        if (result.ByOsVersion.Count > 0)
        {
            html.Append("<h2>Failure rate by OS version</h2>");
            RateByVersionChart.Write(html, result.ByOsVersion, confidence);
        }

        if (result.Daily.Count > 0)
        {
            html.Append("<h2>Failures per day and daily failure rate</h2>");
            DailyChart.Write(html, result.Daily, result.RolloutDay);
        }

        var overall = result.Findings.Where(f => f.Key.Columns.Count == 0).ToList();
        if (overall.Count > 0)
        {
            html.Append("<h2>Findings: share of calls</h2>");
            FindingsChart.Write(html, overall);
        }

        Groups(html, result, confidence);
        Comparisons(html, result.Comparisons, confidence);
        FindingTables(html, result.Findings);
        html.Append("</body></html>");
        output.Write(html.ToString());
        output.WriteLine();
    }

    private static void Groups(StringBuilder html, FleetResult result, string confidence)
    {
        html.Append("<h2>Failure rate").Append(result.GroupBy.Count == 0 ? "" : " by " + Svg.Text(string.Join(", ", result.GroupBy))).Append("</h2><table class=\"groups\"><tr>");
        foreach (var column in result.GroupBy)
        {
            html.Append("<th class=\"key\">").Append(Svg.Text(column)).Append("</th>");
        }

        html.Append($"<th>calls</th><th>failures</th><th>rate</th><th>{confidence} CI</th></tr>");
        foreach (var g in result.Groups)
        {
            html.Append("<tr>");
            foreach (var value in g.Key.Values)
            {
                html.Append("<td class=\"key\">").Append(Svg.Text(value ?? "(none)")).Append("</td>");
            }

            html.Append($"<td>{g.Counts.Trials:N0}</td><td>{g.Counts.Events:N0}</td><td>{Svg.Percent(g.Rate)}</td><td>{Svg.Percent(g.Interval.Low)} – {Svg.Percent(g.Interval.High)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Comparisons(StringBuilder html, IReadOnlyList<Comparison> comparisons, string confidence)
    {
        if (comparisons.Count == 0)
        {
            return;
        }

        html.Append($"<h2>Comparisons (candidate vs baseline)</h2><table class=\"comparisons\"><tr><th>kind</th><th class=\"key\">baseline</th><th class=\"key\">candidate</th><th>rates</th><th>ratio</th><th>{confidence} CI</th><th>p</th><th></th></tr>");
        foreach (var c in comparisons)
        {
            var flag = c.Increase ? "<span class=\"worse\">▲ worse</span>" : c.Decrease ? "<span class=\"better\">▼ better</span>" : "";
            html.Append($"<tr><td>{FleetFormatNames.Of(c.Kind)}</td><td class=\"key\">{Svg.Text(c.Baseline.ToString())}</td><td class=\"key\">{Svg.Text(c.Candidate.ToString())}</td>")
                .Append($"<td>{Svg.Percent(c.BaselineCounts.Rate)} → {Svg.Percent(c.CandidateCounts.Rate)}</td><td>{Ratio(c.Ratio.Ratio)}</td><td>{Ratio(c.Ratio.Interval.Low)} – {Ratio(c.Ratio.Interval.High)}</td>")
                .Append($"<td>{PValue(c.Test.PValue)}</td><td>{flag}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void FindingTables(StringBuilder html, IReadOnlyList<FindingShare> findings)
    {
        foreach (var dimension in findings.Where(f => f.Key.Columns.Count == 1).GroupBy(f => f.Key.Columns[0]))
        {
            var values = dimension.Select(f => f.Key).Distinct().OrderBy(k => k, KeyOrder.Instance).ToList();
            html.Append($"<h2>Findings by {Svg.Text(dimension.Key)} (share of calls)</h2><table class=\"findings\"><tr><th class=\"key\">finding</th>");
            foreach (var value in values)
            {
                html.Append("<th>").Append(Svg.Text(value.Values[0] ?? "(none)")).Append("</th>");
            }

            html.Append("</tr>");
            foreach (var finding in dimension.GroupBy(f => f.FindingId))
            {
                html.Append("<tr><td class=\"key\">").Append(Svg.Text(finding.Key)).Append("</td>");
                foreach (var value in values)
                {
                    var cell = finding.FirstOrDefault(f => f.Key.Equals(value));
                    html.Append("<td>").Append(cell is null ? "–" : $"{Svg.Percent(cell.Share)} <small>({cell.Counts.Events:N0}/{cell.Counts.Trials:N0})</small>").Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</table>");
        }
    }

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    private static string PValue(double value) =>
        !double.IsFinite(value) ? "–" : value < 1e-4 ? "&lt;0.0001" : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
