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

    public static ReportSummary Of(DiagnosisReport report)
    {
        var verdicts = Enum.GetValues<CallVerdict>()
            .Select(v => (v, report.Calls.Count(c => c.Verdict == v)))
            .ToArray();

        var order = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var severities = new Dictionary<FindingSeverity, int>();
        foreach (var finding in report.AllFindings)
        {
            if (counts.TryGetValue(finding.Id, out var n))
            {
                counts[finding.Id] = n + 1;
            }
            else
            {
                counts[finding.Id] = 1;
                order.Add(finding.Id);
            }

            severities[finding.Severity] = severities.GetValueOrDefault(finding.Severity) + 1;
        }

        var bySeverity = Enum.GetValues<FindingSeverity>()
            .OrderByDescending(s => s)
            .Select(s => (s, severities.GetValueOrDefault(s)))
            .ToArray();

        return new ReportSummary(report.Calls.Count, verdicts, order.Select(id => (id, counts[id])).ToArray(), bySeverity);
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
