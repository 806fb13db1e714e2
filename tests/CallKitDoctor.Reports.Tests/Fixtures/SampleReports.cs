using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Reports.Tests.Fixtures;

/// <summary>
/// Hand-built diagnoses shaped like the seed thread's production log: an incoming call whose CallKit activation failed
/// with session ID 0x0 and was masked by the app's own setActive, an outgoing call that was fine, and a coverage gap.
/// </summary>
internal static class SampleReports
{
    public const string SourcePath = "/tmp/captures/glip-production.log";
    public static readonly TimeSpan Sydney = TimeSpan.FromHours(11);

    public static readonly DiagnosticDescriptor SessionIdZero = new(
        "session-id-zero", "callservicesd could not find the app's audio session (SessionID 0x0)", FindingSeverity.Error,
        "The session id is how callservicesd finds the app's audio session.", "Call setConfiguration right before reporting each call.");

    public static readonly DiagnosticDescriptor WorkaroundMissing = new(
        "workaround-missing", "No setConfiguration before the call report", FindingSeverity.Warning,
        "Apple DTS recommends setConfiguration before every report.", "Send CXProvider.setConfiguration immediately before reportNewIncomingCall.");

    public static readonly DiagnosticDescriptor AppActivatedAudio = new(
        "app-activated-audio", "The app activated its audio session itself", FindingSeverity.Warning,
        "setActive(true) from the app masks CallKit's failure in the foreground.", "Never call setActive(true); wait for provider(_:didActivate:).");

    public static readonly DiagnosticDescriptor CoverageGap = new(
        "log-coverage-gap", "The log does not cover the start of the app's session", FindingSeverity.Info,
        "Configuration may have been set before the log window.", "Capture a sysdiagnose right after reproducing.");

    public static LogTimestamp At(int minute, int second, int microseconds) =>
        new(new DateTime(2025, 10, 23, 16, minute, second).AddTicks(microseconds * 10L), Sydney);

    public static CallEvent Event(EventKind kind, EventActor actor, string process, LogTimestamp? time, long line, string message, long endLine = 0, string? signature = null) =>
        new()
        {
            Kind = kind,
            Actor = actor,
            SignatureId = signature ?? "test." + kind,
            Entry = new LogEntry(message)
            {
                Timestamp = time,
                Process = process,
                ProcessId = process == "callservicesd" ? 101 : 2020,
                Location = InputLocation.Lines(SourcePath, line, endLine),
                RawText = $"{time} {process}: {message}",
            },
        };

    public static DiagnosisReport Production()
    {
        var input = new LogReadSummary { Source = SourcePath, Format = LogInputFormat.LogShowDefault, Lines = 1234, Bytes = 250_000, Entries = 1200, UnparsedLines = 3 };
        input.UnparsedLineNumbers.AddRange([5, 17, 99]);
        input.Add(new LogReadIssue(LogReadIssueSeverity.Warning, SourcePath, "line is not in the log show layout", 17));
        var context = new CaptureContext { OsVersion = "iPhone OS 26.0", OsBuild = "23A355", DeviceModel = "iPhone14,2", AppName = "Glip", AppVersion = "25.3.10" };
        var coverage = new LogCoverage();
        var report = new DiagnosisReport { Input = input, Context = context, Coverage = coverage, RecognisedEvents = 15 };

        var proxyFailure = Event(EventKind.ProxySessionFailed, EventActor.CallServices, "callservicesd", At(1, 52, 259438), 120,
            "    AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x0, error = <NSError:0x60000071c03da10(NSOSStatusErrorDomain:-50) - {\n    NSLocalizedDescription = \"Session lookup failed\";\n}>",
            endLine: 122);
        var report1 = Event(EventKind.IncomingCallReported, EventActor.App, "Glip", At(0, 39, 916170), 40,
            "Provider <private> was asked to report a new incoming call with UUID: <private> update: <private>");
        var setActive = Event(EventKind.SessionActivated, EventActor.App, "Glip", At(1, 17, 244642), 90, "    AVAudioSession_iOS.mm:984   Activated session 0xd387b18");
        var incoming = new CallFlow
        {
            Index = 1,
            Direction = CallDirection.Incoming,
            AppProcess = "Glip",
            Verdict = CallVerdict.ActivationMasked,
            VerdictReason = "CallKit never delivered didActivate; the app's own setActive in the foreground made audio work."
        };
        incoming.Events.AddRange(
        [
            Event(EventKind.PushReceived, EventActor.CallServices, "callservicesd", At(0, 39, 801604), 30, "Received incoming APS message from application with bundle identifier <private> and topic <private>"),
            Event(EventKind.AppLaunched, EventActor.CallServices, "callservicesd", At(0, 39, 854707), 31, "Successfully launched application with bundle identifier <private>"),
            Event(EventKind.VoipPayloadDelivered, EventActor.CallServices, "callservicesd", At(0, 39, 859960), 32, "Delivering 1 VoIP payload(s) to application <private>"),
            report1,
            Event(EventKind.IncomingCallReceived, EventActor.CallServices, "callservicesd", At(0, 39, 917213), 41, "Received -[CXCallSource reportNewIncomingCallWithUUID:update:reply:] with UUID: <private> update: <private>"),
            Event(EventKind.EnteredForeground, EventActor.CallServices, "callservicesd", At(1, 7, 946140), 80, "Entered foreground for call with identifier <private>"),
            Event(EventKind.AppSetActiveAttempt, EventActor.App, "Glip", At(1, 17, 200000), 89, "[AudioSession] setActive:YES from WebRTC"),
            setActive,
            Event(EventKind.AudioActivationRequested, EventActor.CallServices, "callservicesd", At(1, 52, 250000), 119, "Requesting audio activation for provider"),
            proxyFailure,
            Event(EventKind.SetActiveFailed, EventActor.AudioServer, "audiomxd", At(1, 52, 260000), 123, "-[AVAudioSessionRemoteXPCClient createProxySession:reply:] failed due to session lookup failure for SessionID 0x0"),
        ]);
        incoming.Findings.Add(new Finding(SessionIdZero, FindingSeverity.Error,
            "callservicesd asked for the app's audio session with session ID 0x0, so CallKit could not activate audio.",
            [Evidence.From(proxyFailure.Entry, "session ID = 0x0")], 1));
        incoming.Findings.Add(new Finding(WorkaroundMissing, FindingSeverity.Warning,
            "No setConfiguration was logged before this report.", [Evidence.From(report1.Entry)], 1));
        incoming.Findings.Add(new Finding(AppActivatedAudio, FindingSeverity.Warning,
            "The app activated audio in the foreground 38 s after the report.", [Evidence.From(setActive.Entry, "app's own activation")], 1));

        var outgoing = new CallFlow
        {
            Index = 2,
            Direction = CallDirection.Outgoing,
            CallUuid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            AppProcess = "Glip",
            Verdict = CallVerdict.AudioActivated,
            VerdictReason = "CallKit activated audio and delivered didActivate."
        };
        outgoing.Events.AddRange(
        [
            Event(EventKind.OutgoingCallStarted, EventActor.App, "Glip", At(3, 0, 0), 200, "Requesting transaction <CXTransaction UUID: 0F8FAD5B> with CXStartCallAction"),
            Event(EventKind.AudioActivationRequested, EventActor.CallServices, "callservicesd", At(3, 0, 500000), 210, "Requesting audio activation"),
            Event(EventKind.SessionActivated, EventActor.AudioServer, "audiomxd", At(3, 0, 600000), 211, "Session 0x5a1 going active"),
            Event(EventKind.DidActivateDelivered, EventActor.App, "Glip", At(3, 0, 700000), 212, "Calling delegate provider:didActivateAudioSession: with active: 1"),
        ]);
        report.Calls.Add(incoming);
        report.Calls.Add(outgoing);

        report.Findings.Add(new Finding(CoverageGap, FindingSeverity.Info,
            "The log starts at 16:00:30, after the app connected its provider; its configuration may predate the log.", []));

        foreach (var e in report.Calls.SelectMany(c => c.Events))
        {
            coverage.Observe(e.Entry);
        }

        return report;
    }

    /// <summary>A report with nothing in it: no calls, no timestamps, no context.</summary>
    public static DiagnosisReport Empty() => new()
    {
        Input = new LogReadSummary { Source = "-", Format = LogInputFormat.Plain },
        Context = new CaptureContext(),
        Coverage = new LogCoverage(),
    };

    /// <summary>A call whose text tries to break every output: markup, pipes, fences, HTML, a lone surrogate, control characters.</summary>
    public static DiagnosisReport Hostile()
    {
        var report = Empty();
        const string nasty = "[red]bold[/] | ```fence``` <script>alert('x')</script> & \"quoted\" \uD800 lone \u0001ctl";
        var e = Event(EventKind.TransactionError, EventActor.Unknown, "Weird|App", null, 7, nasty);
        var call = new CallFlow { Index = 1, Verdict = CallVerdict.Unknown, VerdictReason = nasty };
        call.Events.Add(e);
        call.Findings.Add(new Finding(new DiagnosticDescriptor("transaction-error", "Title " + nasty, FindingSeverity.Error, nasty, nasty), FindingSeverity.Error, nasty,
            [new Evidence(e.Entry.Location, null, null, nasty + "\n````four````", nasty)], 1));
        report.Calls.Add(call);
        return report;
    }

    public static string Render(this Rendering.IReportRenderer renderer, DiagnosisReport report)
    {
        using var writer = new StringWriter();
        renderer.Render(report, writer);
        return writer.ToString();
    }
}
