namespace CallKitDoctor.Diagnosis.Events;

/// <summary>
/// What a matched log line means for a call's flow. Names are stable: they appear in JSON output and in the
/// signature catalog (kebab-case there, e.g. <c>proxy-session-failed</c>).
/// </summary>
public enum EventKind
{
    /// <summary>callservicesd received a VoIP push for the app (APS message / network-extension message).</summary>
    PushReceived,

    /// <summary>callservicesd launched or resumed the app for a push.</summary>
    AppLaunched,

    /// <summary>callservicesd handed the VoIP payload(s) to the app's PKPushRegistry (or the app logged didReceiveIncomingPush).</summary>
    VoipPayloadDelivered,

    /// <summary>The app called <c>CXProvider.setConfiguration</c> ("Provider … was notified that configuration was set to …").</summary>
    ConfigurationSet,

    /// <summary>A provider configuration was registered (app "Registering configuration" or callservicesd "registerWithConfiguration").</summary>
    ConfigurationRegistered,

    /// <summary>The app asked CallKit to report a new incoming call (app side).</summary>
    IncomingCallReported,

    /// <summary>callservicesd received the incoming-call report.</summary>
    IncomingCallReceived,

    /// <summary>An outgoing call was started (CXStartCallAction requested or performed, or reportNewOutgoingCall).</summary>
    OutgoingCallStarted,

    /// <summary>The CXProvider delegate began (providerDidBegin) or the provider connected to callservicesd.</summary>
    ProviderBegan,

    /// <summary>An action (answer, start, end, hold, mute…) was sent to the app or performed by its delegate.</summary>
    ActionPerformed,

    /// <summary>An action was fulfilled / completed.</summary>
    ActionCompleted,

    /// <summary>An action failed (app called fail(), or the system failed it).</summary>
    ActionFailed,

    /// <summary>An action timed out (the app never fulfilled it).</summary>
    ActionTimedOut,

    /// <summary>callservicesd asked the audio system to activate audio for the provider's call.</summary>
    AudioActivationRequested,

    /// <summary>callservicesd could not create a proxy for the app's audio session ("Creating proxy session failed", "session lookup failure").</summary>
    ProxySessionFailed,

    /// <summary>An audio session went active (AVAudioSession "Activated session", audio server "going active" / activate with a controlling PID).</summary>
    SessionActivated,

    /// <summary>An audio session was deactivated.</summary>
    SessionDeactivated,

    /// <summary>CallKit told the app its audio session is active (<c>provider(_:didActivate:)</c>; "with active: 1").</summary>
    DidActivateDelivered,

    /// <summary>CallKit told the app its audio session is inactive (<c>provider(_:didDeactivate:)</c>; "with active: 0").</summary>
    DidDeactivateDelivered,

    /// <summary>The app tried to activate its audio session itself (<c>setActive(true)</c>).</summary>
    AppSetActiveAttempt,

    /// <summary>An audio session activation failed with an OSStatus ('!pri', '!int', …).</summary>
    SetActiveFailed,

    /// <summary>Audio I/O (AURemoteIO / VoiceProcessingIO) failed to start ('ent?', '!pri').</summary>
    AudioIoFailed,

    /// <summary>The provider was reset (providerDidReset, XPC connection to callservicesd interrupted or invalidated).</summary>
    ProviderReset,

    /// <summary>A CallKit transaction or report failed with a CXErrorCode.</summary>
    TransactionError,

    /// <summary>The app was (or will be) killed for not reporting a call after a VoIP push (0xBAADCA11, PushKit assertion).</summary>
    PushNotReportedTermination,

    /// <summary>callservicesd brought the call to the foreground ("Entered foreground for call…").</summary>
    EnteredForeground,

    /// <summary>A call ended (reported ended, or end action).</summary>
    CallEnded,

    /// <summary>The call was put on hold or taken off hold (CXSetHeldCallAction).</summary>
    HoldChanged,

    /// <summary>The app's CXProvider call source went away in callservicesd (connection invalidated).</summary>
    CallSourceInvalidated,

    /// <summary>Media services were reset or the media server died.</summary>
    MediaServicesReset,
}
