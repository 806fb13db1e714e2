using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;

namespace CallKitDoctor.Reports.Summaries;

/// <summary>
/// The counts every report ends with: calls, calls per verdict (every verdict, zeros included), findings per id
/// (in order of first appearance) and per severity.
/// </summary>
public sealed class ReportSummary
{
    private ReportSummary(
        int calls,
        IReadOnlyList<(CallVerdict Verdict, int Count)> verdicts,
        IReadOnlyList<(string Id, int Count)> findings,
        IReadOnlyList<(FindingSeverity Severity, int Count)> severities)
    {
        Calls = calls;
        Verdicts = verdicts;
        Findings = findings;
        Severities = severities;
    }

    public int Calls { get; }

    /// <summary>Calls per verdict, for every verdict in declaration order.</summary>
    public IReadOnlyList<(CallVerdict Verdict, int Count)> Verdicts { get; }

    /// <summary>Findings per id, in order of first appearance (log-level findings first).</summary>
    public IReadOnlyList<(string Id, int Count)> Findings { get; }

    /// <summary>Findings per severity, most severe first, zeros included.</summary>
    public IReadOnlyList<(FindingSeverity Severity, int Count)> Severities { get; }

    /// <summary>All findings counted.</summary>
    public int TotalFindings => Findings.Sum(f => f.Count);

    /// <summary>The summary of every call of the report, those streamed to a sink included (<see cref="DiagnosisReport.Totals"/>).</summary>
    public static ReportSummary Of(DiagnosisReport report)
    {
        var totals = report.Totals();
        var verdicts = Enum.GetValues<CallVerdict>()
            .Select(v => (v, totals.Count(v)))
            .ToArray();
        var bySeverity = Enum.GetValues<FindingSeverity>()
            .OrderByDescending(s => s)
            .Select(s => (s, totals.Count(s)))
            .ToArray();
        return new ReportSummary(totals.Calls, verdicts, totals.Findings.ToArray(), bySeverity);
    }

    /// <summary>One line: <c>3 calls: 1 activation-failed, 2 audio-activated; 4 findings: 2 errors, 2 warnings</c>.</summary>
    public override string ToString()
    {
        var calls = Calls == 1 ? "1 call" : $"{Calls} calls";
        var verdicts = string.Join(", ", Verdicts.Where(v => v.Count > 0).Select(v => $"{v.Count} {Naming.ReportNames.ToName(v.Verdict)}"));
        var findings = TotalFindings == 1 ? "1 finding" : $"{TotalFindings} findings";
        var severities = string.Join(", ", Severities.Where(s => s.Count > 0).Select(s => $"{s.Count} {Naming.ReportNames.ToName(s.Severity)}"));
        return $"{calls}{(verdicts.Length > 0 ? $" ({verdicts})" : "")}; {findings}{(severities.Length > 0 ? $" ({severities})" : "")}";
    }
}
