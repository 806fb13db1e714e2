using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Diagnosis.Tests.Cases;

/// <summary>The seed thread's two flows, shipped in <c>samples/</c>, give the DTS engineer's readings.</summary>
public class SeedSampleTests
{
    private static DiagnosisReport Diagnose(string file) =>
        CallDiagnoser.CreateDefault().Diagnose(LogSources.Open(RepositoryRoot.PathOf("samples", file)));

    [Fact]
    public void ProductionFailureShowsTheExpertsReading()
    {
        var report = Diagnose("seed-production-failure.log");

        Assert.Equal(3, report.Calls.Count);
        Assert.All(report.Calls, c => Assert.Equal(CallDirection.Incoming, c.Direction));

        // The first report is the first line: its configuration may predate the capture.
        var first = report.Calls[0];
        Assert.DoesNotContain(first.Findings, f => f.Id == "workaround-missing");
        Assert.Contains(first.Findings, f => f.Id == "log-coverage-gap");

        // The later reports follow a push the log shows, with no setConfiguration in between.
        Assert.Contains(report.Calls[1].Findings, f => f.Id == "workaround-missing");
        Assert.Contains(report.Calls[2].Findings, f => f.Id == "workaround-missing");

        var sessionZero = Assert.Single(report.AllFindings, f => f.Id == "session-id-zero");
        Assert.Contains(sessionZero.Evidence, e => e.Text.Contains("Creating proxy session failed, session ID = 0x0"));
        Assert.Contains(sessionZero.Evidence, e => e.Text.Contains("Session lookup failed") || e.Text.Contains("SessionID 0x0"));

        var own = Assert.Single(first.Findings, f => f.Id == "app-activated-audio");
        Assert.Contains(own.Evidence, e => e.Text.Contains("Activated session 0xd387b18"));
        Assert.Contains(own.Evidence, e => e.Text.Contains("Entered foreground for call"));
        Assert.Equal(CallVerdict.ActivationMasked, first.Verdict);
        Assert.Equal(CallVerdict.ActivationFailed, report.Calls[1].Verdict);
        Assert.Equal(CallVerdict.Unknown, report.Calls[2].Verdict);
    }

    [Fact]
    public void LabFlowShowsTheWorkaroundInPlace()
    {
        var report = Diagnose("seed-lab-workaround.ndjson");

        var call = Assert.Single(report.Calls);
        Assert.DoesNotContain(report.AllFindings, f => f.Id is "workaround-missing" or "log-coverage-gap" or "activation-missing");
        Assert.Equal(CallVerdict.AudioActivated, call.Verdict);
        Assert.NotNull(call.Ending);
    }
}
