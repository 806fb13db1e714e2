using System.Globalization;
using CallKitDoctor.Fleet.Analysis;
using Spectre.Console;

namespace CallKitDoctor.Fleet.Output;

/// <summary>Terminal tables (Spectre.Console): the load summary, failure rate per group, per day, and the comparisons.</summary>
public static class FleetTerminalWriter
{
    public static void Write(FleetResult result, TextWriter output, bool color, int width, bool showDaily)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = Math.Max(width, 60);

        var load = result.Load;
        console.WriteLine($"{load.Path} ({FleetFormatNames.Of(load.Format)}): {load.RowsRead:N0} rows, {load.RowsUsed:N0} used, {load.BadRowCount:N0} bad");
        foreach (var note in load.Notes)
        {
            console.WriteLine("  " + note);
        }

        foreach (var bad in load.BadRows.Take(10))
        {
            console.WriteLine("  " + bad);
        }

        if (load.BadRowCount > 10)
        {
            console.WriteLine($"  … and {load.BadRowCount - 10:N0} more (all are listed up to the limit in --format json)");
        }

        var confidence = Percent(result.Request.Confidence, 0);
        var groups = new Table().Border(TableBorder.Simple).Title("Failure rate (did_activate = false)");
        foreach (var column in result.GroupBy)
        {
            groups.AddColumn(Markup.Escape(column));
        }

        groups.AddColumn(new TableColumn("calls").RightAligned());
        groups.AddColumn(new TableColumn("failures").RightAligned());
        groups.AddColumn(new TableColumn("rate").RightAligned());
        groups.AddColumn(new TableColumn($"{confidence} CI").RightAligned());
        foreach (var group in result.Groups)
        {
            var cells = group.Key.Values.Select(v => Markup.Escape(v ?? "(none)"))
                .Concat([Count(group.Counts.Trials), Count(group.Counts.Events), Percent(group.Rate, 2), $"{Percent(group.Interval.Low, 2)} – {Percent(group.Interval.High, 2)}"]);
            groups.AddRow([.. cells]);
        }

        console.Write(groups);

        if (showDaily && result.Daily.Count > 0)
        {
            var daily = new Table().Border(TableBorder.Simple).Title("Per day (UTC)");
            daily.AddColumn("date").AddColumn(new TableColumn("calls").RightAligned()).AddColumn(new TableColumn("failures").RightAligned()).AddColumn(new TableColumn("rate").RightAligned());
            foreach (var day in result.Daily)
            {
                daily.AddRow(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Count(day.Counts.Trials), Count(day.Counts.Events), Percent(day.Counts.Rate, 2));
            }

            console.Write(daily);
        }

        if (result.Comparisons.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).Title("Comparisons (candidate vs baseline)");
            table.AddColumn("kind").AddColumn("baseline").AddColumn("candidate")
                .AddColumn(new TableColumn("rates").RightAligned())
                .AddColumn(new TableColumn("ratio").RightAligned())
                .AddColumn(new TableColumn($"{confidence} CI").RightAligned())
                .AddColumn(new TableColumn("p").RightAligned())
                .AddColumn("");
            foreach (var c in result.Comparisons)
            {
                var flag = c.Increase ? (color ? "[red]▲ worse[/]" : "▲ worse") : c.Decrease ? (color ? "[green]▼ better[/]" : "▼ better") : "";
                table.AddRow(
                    FleetFormatNames.Of(c.Kind),
                    Markup.Escape(c.Baseline.ToString()),
                    Markup.Escape(c.Candidate.ToString()),
                    $"{Percent(c.BaselineCounts.Rate, 2)} → {Percent(c.CandidateCounts.Rate, 2)}",
                    Ratio(c.Ratio.Ratio),
                    $"{Ratio(c.Ratio.Interval.Low)} – {Ratio(c.Ratio.Interval.High)}",
                    PValue(c.Test.PValue),
                    flag);
            }

            console.Write(table);
        }

        if (result.Findings.Count > 0)
        {
            var findings = new Table().Border(TableBorder.Simple).Title("Findings (share of calls)");
            findings.AddColumn("finding").AddColumn("by").AddColumn("value")
                .AddColumn(new TableColumn("calls").RightAligned())
                .AddColumn(new TableColumn("with it").RightAligned())
                .AddColumn(new TableColumn("share").RightAligned())
                .AddColumn(new TableColumn($"{confidence} CI").RightAligned());
            foreach (var f in result.Findings)
            {
                findings.AddRow(
                    Markup.Escape(f.FindingId),
                    f.Key.Columns.Count == 0 ? "all" : Markup.Escape(f.Key.Columns[0]),
                    f.Key.Columns.Count == 0 ? "" : Markup.Escape(f.Key.Values[0] ?? "(none)"),
                    Count(f.Counts.Trials), Count(f.Counts.Events), Percent(f.Share, 1),
                    $"{Percent(f.Interval.Low, 1)} – {Percent(f.Interval.High, 1)}");
            }

            console.Write(findings);
        }

        output.Flush();
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double value, int decimals) =>
        double.IsFinite(value) ? (value * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%" : "–";

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    private static string PValue(double value) =>
        !double.IsFinite(value) ? "–" : value < 1e-4 ? "<0.0001" : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
