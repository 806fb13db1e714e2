using System.Text;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Diagnosis.Tests.Cases;

/// <summary>
/// Every real case in the shared folder (<c>callkit/cases/*.md</c> with its <c>.log</c>), through the full pipeline:
/// reader, signature matcher, flows, rules, verdicts.
/// </summary>
public class SharedCasesTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (SharedData.PathOf("callkit", "cases") is { } dir && Directory.Exists(dir))
        {
            foreach (var md in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(md));
            }
        }
        else
        {
            data.Add("(shared cases missing)");
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void CaseMeetsItsExpectations(string name)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var dir = SharedData.PathOf("callkit", "cases")!;
        var md = Path.Combine(dir, name + ".md");
        var log = Path.Combine(dir, name + ".log");
        Skip.IfNot(File.Exists(md) && File.Exists(log), $"{name}: case files not found");
        var expected = CaseExpectation.Parse(File.ReadLines(md));

        var report = CallDiagnoser.CreateDefault().Diagnose(LogSources.Open(log));

        var ids = report.AllFindings.Select(f => f.Id).ToHashSet();
        var verdicts = report.Calls.Select(c => VerdictName(c.Verdict)).ToList();
        var why = Describe(report);
        foreach (var id in expected.Findings)
        {
            Assert.True(ids.Contains(id), $"{name}: expected finding {id}.{why}");
        }

        foreach (var id in expected.Absent)
        {
            Assert.False(ids.Contains(id), $"{name}: finding {id} must not appear.{why}");
        }

        if (expected.Verdict is { } verdict)
        {
            Assert.True(verdicts.Contains(verdict), $"{name}: expected a call with verdict {verdict}.{why}");
        }

        // Every finding cites the exact input lines it stands on.
        Assert.All(report.AllFindings, f => Assert.All(f.Evidence, e => Assert.True(e.Location.Line > 0, $"{f.Id}: evidence without a line")));
    }

    [Fact]
    public void ExpectationLinesAreParsed()
    {
        var e = CaseExpectation.Parse(["expect-findings: session-id-zero, app-activated-audio", "expect-verdict: -", "expect-absent: -", "# title"]);

        Assert.Equal(["session-id-zero", "app-activated-audio"], e.Findings);
        Assert.Null(e.Verdict);
        Assert.Empty(e.Absent);
    }

    private static string VerdictName(CallVerdict verdict) => verdict switch
    {
        CallVerdict.AudioActivated => "audio-activated",
        CallVerdict.ActivationFailed => "activation-failed",
        CallVerdict.ActivationMasked => "activation-masked",
        CallVerdict.NoCallReported => "no-call-reported",
        _ => "unknown",
    };

    private static string Describe(DiagnosisReport report)
    {
        var text = new StringBuilder().Append(" Diagnosis: ");
        foreach (var f in report.Findings)
        {
            text.Append($"[log {f.Id}] ");
        }

        foreach (var call in report.Calls)
        {
            text.Append($"[call #{call.Index} {call.Direction} {VerdictName(call.Verdict)}: {string.Join(",", call.Findings.Select(f => f.Id))}] ");
        }

        return text.ToString();
    }
}
