using System.Globalization;
using CallKitDoctor.Fleet.Analysis;

namespace CallKitDoctor.Fleet.Output;

/// <summary>
/// Writes the groups as CSV (the grouping columns, then <c>calls,failures,rate,ci_low,ci_high</c>); when there are
/// comparisons, a blank line and a second table follows (<c>kind,baseline,candidate,…,rate_ratio,…,p_value</c>); with
/// finding columns, a blank line and the findings table (<c>finding,by,value,calls,with_finding,share,ci_low,ci_high</c>).
/// </summary>
public static class FleetCsvWriter
{
    public static void Write(FleetResult result, TextWriter output)
    {
        output.WriteLine(string.Join(',', result.GroupBy.Select(Escape).Concat(["calls", "failures", "rate", "ci_low", "ci_high"])));
        foreach (var group in result.Groups)
        {
            var cells = group.Key.Values.Select(v => Escape(v ?? string.Empty))
                .Concat([Integer(group.Counts.Trials), Integer(group.Counts.Events), Number(group.Rate), Number(group.Interval.Low), Number(group.Interval.High)]);
            output.WriteLine(string.Join(',', cells));
        }

        if (result.Comparisons.Count > 0)
        {
            WriteComparisons(result, output);
        }

        if (result.Findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("finding,by,value,calls,with_finding,share,ci_low,ci_high");
            foreach (var f in result.Findings)
            {
                output.WriteLine(string.Join(',',
                    Escape(f.FindingId), Escape(f.Key.Columns.Count == 0 ? "all" : f.Key.Columns[0]), Escape(f.Key.Columns.Count == 0 ? "" : f.Key.Values[0] ?? ""),
                    Integer(f.Counts.Trials), Integer(f.Counts.Events), Number(f.Share), Number(f.Interval.Low), Number(f.Interval.High)));
            }
        }
    }

    private static void WriteComparisons(FleetResult result, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("kind,baseline,candidate,baseline_calls,baseline_failures,baseline_rate,candidate_calls,candidate_failures,candidate_rate,rate_ratio,rate_ratio_low,rate_ratio_high,p_value,significant");
        foreach (var c in result.Comparisons)
        {
            output.WriteLine(string.Join(',',
                FleetFormatNames.Of(c.Kind), Escape(Key(c.Baseline)), Escape(Key(c.Candidate)),
                Integer(c.BaselineCounts.Trials), Integer(c.BaselineCounts.Events), Number(c.BaselineCounts.Rate),
                Integer(c.CandidateCounts.Trials), Integer(c.CandidateCounts.Events), Number(c.CandidateCounts.Rate),
                Number(c.Ratio.Ratio), Number(c.Ratio.Interval.Low), Number(c.Ratio.Interval.High), Number(c.Test.PValue),
                c.Significant ? "true" : "false"));
        }
    }

    private static string Key(GroupKey key) =>
        string.Join("; ", key.Columns.Select((column, i) => $"{column}={key.Values[i]}"));

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Escape(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
