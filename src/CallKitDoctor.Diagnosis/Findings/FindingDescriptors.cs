namespace CallKitDoctor.Diagnosis.Findings;

/// <summary>The descriptor of every finding the rules report. Ids are stable: users filter on them (<c>--fail-on</c>).</summary>
public static class FindingDescriptors
{
    public static DiagnosticDescriptor WorkaroundMissing { get; } = new(
        "workaround-missing",
        "No setConfiguration right before the call was reported",
        FindingSeverity.Warning,
        "The call was reported to CallKit without a CXProvider setConfiguration call immediately before it, while no other " +
        "call was active. callservicesd finds the app's audio session through the session ID carried in the provider " +
        "configuration; when that ID has gone stale or become 0 (\"SessionID 0x0\"), CallKit cannot activate the app's audio " +
        "and provider(_:didActivate:) is never called. Re-sending the configuration hands callservicesd a valid session ID.",
        "Call provider.setConfiguration(_:) immediately before every reportNewIncomingCall(with:update:completion:), and for " +
        "outgoing calls immediately before requesting the CXStartCallAction. The call is cheap, fully supported and can stay " +
        "in place for good. Do not call AVAudioSession.setActive yourself: wait for provider(_:didActivate:).");

    public static DiagnosticDescriptor SessionIdZero { get; } = new(
        "session-id-zero",
        "callservicesd could not find the app's audio session (SessionID 0x0)",
        FindingSeverity.Error,
        "callservicesd tried to create a proxy for the app's audio session and the lookup failed for session ID 0x0. That " +
        "session ID is the global identifier callservicesd uses to find and activate the app's audio session; it comes from " +
        "the CXProvider configuration. With 0x0 CallKit cannot activate the audio, so didActivate never arrives. Likely " +
        "causes: the CXProvider was created before the process finished initialising, or a system-wide audio disruption " +
        "was not recovered from.",
        "Call provider.setConfiguration(_:) immediately before reporting every call so callservicesd receives a valid " +
        "session ID; create the CXProvider after launch has finished (not before main). Do not work around it with your own " +
        "setActive: that may mask the failure and introduce others.");

    public static DiagnosticDescriptor ActivationMissing { get; } = new(
        "activation-missing",
        "CallKit never activated the audio session",
        FindingSeverity.Error,
        "The call was answered or started, and the log covers the time in which CallKit normally activates the app's audio " +
        "session, but there is no activation by CallKit (no \"with active: 1\", no didActivate). Without it the app has no " +
        "audio, or only one-way audio.",
        "Make sure the answer/start action is fulfilled promptly, call provider.setConfiguration(_:) right before each " +
        "report, and start audio only in provider(_:didActivate:). If it still fails, capture a sysdiagnose with the " +
        "CallKit/FaceTime debugging profile installed and file a Feedback report.");

    public static DiagnosticDescriptor AppActivatedAudio { get; } = new(
        "app-activated-audio",
        "The app activated its audio session itself",
        FindingSeverity.Warning,
        "The app called AVAudioSession.setActive (or its VoIP SDK did) instead of waiting for CallKit to activate the " +
        "session. With CallKit the system activates the session at elevated priority and then calls " +
        "provider(_:didActivate:); activating it yourself competes with that activation, fails with insufficient priority " +
        "in the background, and in the foreground can succeed and mask a CallKit activation failure.",
        "Never call setActive(true) for a CallKit call. Configure category and mode when the call is reported or answered, " +
        "and start audio I/O only in provider(_:didActivate:); stop it in provider(_:didDeactivate:).");

    public static DiagnosticDescriptor InsufficientPriority { get; } = new(
        "insufficient-priority",
        "Audio activation refused: insufficient priority ('!pri')",
        FindingSeverity.Error,
        "An audio session activation or audio I/O start was refused with AVAudioSessionErrorCodeInsufficientPriority " +
        "(561017449, '!pri'; -12983 on the audio server). Another session, usually CallKit's or a cellular call's, " +
        "outranks the app's session at that moment.",
        "Do not activate the session or start audio I/O on your own: wait for provider(_:didActivate:). When a call is " +
        "held or another call takes over, stop audio and restart it only after CallKit activates the session again.");

    public static DiagnosticDescriptor AudioConfiguredBeforeActivation { get; } = new(
        "audio-configured-before-activation",
        "Audio I/O started before CallKit activated the session",
        FindingSeverity.Error,
        "The app started audio I/O (AURemoteIO / Voice-Processing I/O) before provider(_:didActivate:) was delivered. " +
        "Without an active session the unit fails to start ('ent?' / 1701737535 when no session is allowed, '!pri' when " +
        "another session outranks it), and the call has no audio.",
        "Only configure the session (category, mode) when reporting or answering the call. Create and start the audio " +
        "unit or the VoIP SDK's audio device in provider(_:didActivate:), and stop it in provider(_:didDeactivate:).");

    public static DiagnosticDescriptor HoldResumeNoActivation { get; } = new(
        "hold-resume-no-activation",
        "Call resumed (or left held) without CallKit re-activating audio",
        FindingSeverity.Warning,
        "After a hold, an interruption or another call, CallKit re-activates the app's audio session only when the call " +
        "is taken off hold through a CXSetHeldCallAction. Here the call was resumed without a new activation, or the app " +
        "tried to restart audio itself while its call was still held by CallKit and was refused ('!pri').",
        "When the other call ends, request CXSetHeldCallAction(call:onHold:false) for your call (or let the user unhold " +
        "it), stop audio in the held state, and restart audio only in provider(_:didActivate:). Do not call setActive " +
        "yourself after an interruption.");

    public static DiagnosticDescriptor PushNotReported { get; } = new(
        "push-not-reported",
        "A VoIP push was not reported as a call",
        FindingSeverity.Error,
        "Since iOS 13 every PushKit VoIP push must result in a call reported to CallKit before the push handler returns. " +
        "The app did not report one, so the system kills it (0xbaadca11, \"Killing app because it never posted an incoming " +
        "call\"), and after repeated failures stops delivering VoIP pushes to it at all.",
        "Call reportNewIncomingCall in pushRegistry(_:didReceiveIncomingPushWith:for:completion:) synchronously for every " +
        "VoIP push, even for a cancelled or redirected invite (report it, then end it at once). Use regular or " +
        "notification-service pushes for messages that are not calls.");

    public static DiagnosticDescriptor ProviderReset { get; } = new(
        "provider-reset",
        "CallKit reset the provider (providerDidReset)",
        FindingSeverity.Warning,
        "The app's connection to callservicesd was interrupted or invalidated and CallKit called providerDidReset: all " +
        "calls of the provider are gone. This is an XPC connection failure with callservicesd, typically callservicesd (or " +
        "the media server) crashing; it is not normal behaviour, and frequent resets are worth investigating.",
        "In providerDidReset end every call and tear down all call infrastructure (audio, media connections), not only the " +
        "CXProvider; create a fresh provider and call setConfiguration before reporting the next call.");

    public static DiagnosticDescriptor TransactionError { get; } = new(
        "transaction-error",
        "A CallKit transaction failed",
        FindingSeverity.Error,
        "A CXCallController request (start, answer, end, hold…) was rejected by CallKit with a " +
        "CXErrorCodeRequestTransactionError, so the action never reached the provider and no audio will be activated " +
        "for it.",
        "Act on the error code: unentitled (1) means the VoIP background mode or entitlement is missing; " +
        "unknownCallProvider (2) means no CXProvider is alive; unknownCallUUID (4) means the UUID is wrong or stale; " +
        "maximumCallGroupsReached (7) means earlier calls were never reported ended: report every ended call with " +
        "reportCall(with:endedAt:reason:) or an end action.");

    public static DiagnosticDescriptor ConfigDuringActiveCall { get; } = new(
        "config-during-active-call",
        "setConfiguration while another call was active",
        FindingSeverity.Info,
        "The app changed its CXProvider configuration while one of its calls was active. There is no reason to do that: " +
        "the app has a single connection to the audio system whatever the number of calls, so re-sending the " +
        "configuration gains nothing, and when the media system is already in a bad state it can be what triggers " +
        "providerDidReset.",
        "Call setConfiguration right before reporting a call only when none of your calls is active (or held); skip it " +
        "for a second, concurrent call.");

    public static DiagnosticDescriptor LogCoverageGap { get; } = new(
        "log-coverage-gap",
        "The log does not cover a moment the diagnosis needs",
        FindingSeverity.Info,
        "A rule needed a part of the log that is not there: the log starts after the push or just before the report (so a " +
        "setConfiguration may predate it and have been purged), ends before the audio activation was due, or does not " +
        "contain the processes that would record it. The diagnosis does not guess about what is not logged.",
        "Capture a sysdiagnose right after reproducing the problem (or `log collect` / Console.app with the app, " +
        "callservicesd and audiomxd/mediaserverd streaming) so that the whole call, from the push to the audio " +
        "activation, is in the log.");

    /// <summary>Every descriptor, in a stable order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        WorkaroundMissing, SessionIdZero, ActivationMissing, AppActivatedAudio, InsufficientPriority,
        AudioConfiguredBeforeActivation, HoldResumeNoActivation, PushNotReported, ProviderReset, TransactionError,
        ConfigDuringActiveCall, LogCoverageGap,
    ];

    /// <summary>The descriptor with the id, or null.</summary>
    public static DiagnosticDescriptor? Find(string id) =>
        All.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}
