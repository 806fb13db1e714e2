using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Streaming;

namespace CallKitDoctor.Cli.Tests.Fixtures;

/// <summary>
/// A diagnosis service returning a hand-built report (one failed incoming call), or throwing what a test asks. With
/// <paramref name="streams"/>, a diagnosis given a call sink hands the call to it (before throwing, if it throws)
/// instead of keeping it in the report, as the real service does.
/// </summary>
internal sealed class FakeDiagnosisService(Exception? failure = null, bool streams = false) : IDiagnosisService
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

    /// <summary>The sinks that streamed diagnoses were given.</summary>
    public List<ICallSink> Sinks { get; } = [];

    /// <summary>The spill folders of the report streams given as sinks, seen after their first call.</summary>
    public List<string?> SpillFolders { get; } = [];

    public DiagnosisReport Diagnose(string path, LogInputFormat format, DiagnosisInputOptions options, ICallSink sink, CancellationToken cancellationToken)
    {
        if (!streams)
        {
            return Diagnose(path, format, options, cancellationToken);
        }

        Options.Add(options);
        Calls.Add((path, format));
        Sinks.Add(sink);
        var kept = Build(path);
        var streamed = new CallTally();
        foreach (var call in kept.Calls)
        {
            streamed.Add(call);
            sink.Accept(call);
            if (sink is BackgroundReportStream background)
            {
                // The CLI renders on a thread of its own: the spill exists once the call is rendered.
                background.WaitForRendering();
            }

            if (sink is ReportStream stream)
            {
                SpillFolders.Add(stream.SpillFolder);
            }
        }

        if (failure is not null)
        {
            throw failure;
        }

        var report = new DiagnosisReport { Input = kept.Input, Context = kept.Context, Coverage = kept.Coverage, StreamedCalls = streamed };
        report.Findings.AddRange(kept.Findings);
        return report;
    }

    public DiagnosisReport Diagnose(string path, LogInputFormat format, CancellationToken cancellationToken)
    {
        Calls.Add((path, format));
        if (failure is not null)
        {
            throw failure;
        }

        return Build(path);
    }

    private static DiagnosisReport Build(string path)
    {

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
