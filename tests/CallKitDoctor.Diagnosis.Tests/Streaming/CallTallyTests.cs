using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Tests.Streaming;

public class CallTallyTests
{
    private static readonly DiagnosticDescriptor A = new("a-finding", "A", FindingSeverity.Error, "x", "y");
    private static readonly DiagnosticDescriptor B = new("b-finding", "B", FindingSeverity.Warning, "x", "y");
    private static readonly DiagnosticDescriptor C = new("c-finding", "C", FindingSeverity.Info, "x", "y");

    [Fact]
    public void CountsVerdictsFindingsInOrderOfFirstAppearanceAndSeverities()
    {
        var tally = new CallTally();
        tally.Add(Call(1, CallVerdict.ActivationFailed, B, A));
        tally.Add(Call(2, CallVerdict.AudioActivated));
        tally.Add(Call(3, CallVerdict.ActivationFailed, A, C));

        Assert.Equal(3, tally.Calls);
        Assert.Equal(2, tally.Count(CallVerdict.ActivationFailed));
        Assert.Equal(1, tally.Count(CallVerdict.AudioActivated));
        Assert.Equal(0, tally.Count(CallVerdict.Unknown));
        Assert.Equal([("b-finding", 1), ("a-finding", 2), ("c-finding", 1)], tally.Findings);
        Assert.Equal(4, tally.TotalFindings);
        Assert.Equal(2, tally.Count(FindingSeverity.Error));
        Assert.Equal(1, tally.Count(FindingSeverity.Info));
        Assert.Equal(2, tally.Count("a-finding"));
    }

    [Fact]
    public void TotalsPutLogFindingsFirstThenStreamedThenKeptCalls()
    {
        var streamed = new CallTally();
        streamed.Add(Call(1, CallVerdict.Unknown, B));
        var report = new DiagnosisReport
        {
            Input = new LogReadSummary { Source = "x.log" },
            Context = new CaptureContext(),
            Coverage = new LogCoverage(),
            StreamedCalls = streamed,
        };
        report.Findings.Add(new Finding(C, FindingSeverity.Info, "log", []));
        report.Calls.Add(Call(2, CallVerdict.ActivationMasked, A, B));

        var totals = report.Totals();
        Assert.Equal(2, report.CallCount);
        Assert.Equal(2, totals.Calls);
        Assert.Equal([("c-finding", 1), ("b-finding", 2), ("a-finding", 1)], totals.Findings);
        Assert.Equal(1, totals.Count(CallVerdict.ActivationMasked));
        Assert.Equal(1, totals.Count(CallVerdict.Unknown));
        // The report's own tally is not changed by asking for totals.
        Assert.Equal(1, streamed.Calls);
    }

    private static CallFlow Call(int index, CallVerdict verdict, params DiagnosticDescriptor[] findings)
    {
        var call = new CallFlow { Index = index, Verdict = verdict };
        foreach (var d in findings)
        {
            call.Findings.Add(new Finding(d, d.DefaultSeverity, d.Title, [], index));
        }

        return call;
    }
}
