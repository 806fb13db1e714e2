using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Cli.Tests.Fixtures;

/// <summary>A diagnosis service returning a hand-built report (one failed incoming call), or throwing what a test asks.</summary>
internal sealed class FakeDiagnosisService(Exception? failure = null) : IDiagnosisService
{
    public static readonly DiagnosticDescriptor SessionIdZero = new("session-id-zero", "Session ID 0x0", FindingSeverity.Error, "Explained.", "Call setConfiguration before each report.");
    public static readonly DiagnosticDescriptor WorkaroundMissing = new("workaround-missing", "No setConfiguration", FindingSeverity.Warning, "Explained.", "Send setConfiguration.");
    public static readonly DiagnosticDescriptor ProviderReset = new("provider-reset", "Provider reset", FindingSeverity.Warning, "Explained.", "Handle providerDidReset.");

    public IReadOnlyList<DiagnosticDescriptor> Rules { get; } = [SessionIdZero, WorkaroundMissing, ProviderReset];

    /// <summary>The (path, format) of every Diagnose call.</summary>
    public List<(string Path, LogInputFormat Format)> Calls { get; } = [];

    /// <summary>The options of every Diagnose call that passed them.</summary>
    public List<DiagnosisInputOptions> Options { get; } = [];

    public DiagnosisReport Diagnose(string path, LogInputFormat format, DiagnosisInputOptions options, CancellationToken cancellationToken)
    {
        Options.Add(options);
        return Diagnose(path, format, cancellationToken);
    }

    public DiagnosisReport Diagnose(string path, LogInputFormat format, CancellationToken cancellationToken)
    {
        Calls.Add((path, format));
        if (failure is not null)
        {
            throw failure;
        }

        var entry = new LogEntry("Creating proxy session failed, session ID = 0x0, error = <NSError>")
        {
            Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 16, 1, 52).AddTicks(2594380), TimeSpan.FromHours(11)),
            Process = "callservicesd",
            Location = InputLocation.Lines(path, 12, 12),
            RawText = "2025-10-23 16:01:52.259438+1100 callservicesd: Creating proxy session failed, session ID = 0x0",
        };
        var call = new CallFlow { Index = 1, Direction = CallDirection.Incoming, Verdict = CallVerdict.ActivationFailed, VerdictReason = "No didActivate." };
        call.Events.Add(new CallEvent { Kind = EventKind.ProxySessionFailed, SignatureId = "test.proxy", Entry = entry, Actor = EventActor.CallServices });
        call.Findings.Add(new Finding(SessionIdZero, FindingSeverity.Error, "Session ID 0x0.", [Evidence.From(entry)], 1));
        call.Findings.Add(new Finding(WorkaroundMissing, FindingSeverity.Warning, "No setConfiguration.", [], 1));
        call.Findings.Add(new Finding(WorkaroundMissing, FindingSeverity.Warning, "No setConfiguration again.", [], 1));
        var report = new DiagnosisReport
        {
            Input = new LogReadSummary { Source = path, Format = LogInputFormat.Console, Lines = 20, Entries = 19, UnparsedLines = 1 },
            Context = new CaptureContext { OsVersion = "iPhone OS 18.4.1" },
            Coverage = new LogCoverage(),
        };
        report.Coverage.Observe(entry);
        report.Calls.Add(call);
        return report;
    }
}
