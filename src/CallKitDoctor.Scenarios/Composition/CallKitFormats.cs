namespace CallKitDoctor.Scenarios.Composition;

/// <summary>
/// The os_log format strings a CallKit call flow emits, as the catalog of signatures records them (process, image,
/// subsystem/category, level). These are facts about iOS, kept as data.
/// </summary>
public static class CallKitFormats
{
    private const string CallKit = "com.apple.calls.callkit";
    private const string CallServices = "com.apple.calls.callservicesd";
    private const string CoreAudio = "com.apple.coreaudio";
    private const byte Default = 0x00;
    private const byte Error = 0x10;

    // callservicesd's own strings.
    public static readonly LogFormat ApsMessage = new(ScenarioActor.CallServices, SenderImage.MainExecutable, CallServices, "Default", Default,
        "Received incoming APS message from application with bundle identifier %@ and topic %@");

    public static readonly LogFormat OpeningApplication = new(ScenarioActor.CallServices, SenderImage.MainExecutable, CallServices, "Default", Default,
        "Attempting to open application %@ and acquire a process assertion");

    public static readonly LogFormat LaunchedApplication = new(ScenarioActor.CallServices, SenderImage.MainExecutable, CallServices, "Default", Default,
        "Successfully launched application with bundle identifier %@");

    public static readonly LogFormat DeliveringPayloads = new(ScenarioActor.CallServices, SenderImage.MainExecutable, CallServices, "Default", Default,
        "Delivering %lu VoIP payload(s) to application %@");

    public static readonly LogFormat AddIncomingCall = new(ScenarioActor.CallServices, SenderImage.MainExecutable, CallServices, "Default", Default,
        "Received add incoming call request from call source %@ with UUID %@ update %@");

    public static readonly LogFormat PerformAction = new(ScenarioActor.CallServices, SenderImage.MainExecutable, CallServices, "Default", Default,
        "Asked to perform action %@ for call %@");

    public static readonly LogFormat EnteredForeground = new(ScenarioActor.CallServices, SenderImage.MainExecutable, CallServices, "Default", Default,
        "Entered foreground for call with identifier %@");

    // CallKit in callservicesd (CXCallSource, CXTransactionManager).
    public static readonly LogFormat SourceReceivedConfiguration = new(ScenarioActor.CallServices, SenderImage.CallKit, CallKit, "Default", Default,
        "Received %s with configuration: %@");

    public static readonly LogFormat SourceReceivedReport = new(ScenarioActor.CallServices, SenderImage.CallKit, CallKit, "Default", Default,
        "Received %s with UUID: %@ update: %@");

    public static readonly LogFormat SourceSendingTransaction = new(ScenarioActor.CallServices, SenderImage.CallKit, CallKit, "Default", Default,
        "Sending %s with transaction: %@");

    public static readonly LogFormat SourceReceivedAction = new(ScenarioActor.CallServices, SenderImage.CallKit, CallKit, "Default", Default,
        "Received %s with action: %@");

    public static readonly LogFormat CompletedAction = new(ScenarioActor.CallServices, SenderImage.CallKit, CallKit, "Default", Default,
        "completedAction: %@");

    public static readonly LogFormat SourceSendingActive = new(ScenarioActor.CallServices, SenderImage.CallKit, CallKit, "Default", Default,
        "Sending %s with active: %d");

    public static readonly LogFormat SourceReceivedEnd = new(ScenarioActor.CallServices, SenderImage.CallKit, CallKit, "Default", Default,
        "Received %s with UUID: %@ dateEnded: %@ privateEndedReason: %ld failureContext: %@");

    // CallKit in the app (CXProvider, CXAbstractProvider).
    public static readonly LogFormat ProviderConfigured = new(ScenarioActor.App, SenderImage.CallKit, CallKit, "Default", Default,
        "Provider %@ was notified that configuration was set to %@");

    public static readonly LogFormat ProviderReport = new(ScenarioActor.App, SenderImage.CallKit, CallKit, "Default", Default,
        "Provider %@ was asked to report a new incoming call with UUID: %@ update: %@");

    public static readonly LogFormat ProviderCommit = new(ScenarioActor.App, SenderImage.CallKit, CallKit, "Default", Default,
        "Received request to commit transaction %@");

    public static readonly LogFormat ProviderAskDelegate = new(ScenarioActor.App, SenderImage.CallKit, CallKit, "Default", Default,
        "Asking delegate to perform action %@");

    public static readonly LogFormat ProviderActionCompleted = new(ScenarioActor.App, SenderImage.CallKit, CallKit, "Default", Default,
        "Provider %@ was notified that action %@ completed");

    public static readonly LogFormat ProviderActivationNotified = new(ScenarioActor.App, SenderImage.CallKit, CallKit, "Default", Default,
        "Notified that audio session activation state changed to: %d");

    public static readonly LogFormat ProviderNotifyingDelegate = new(ScenarioActor.App, SenderImage.CallKit, CallKit, "Default", Default,
        "Notifying delegate that audio session activation state changed to: %d");

    public static readonly LogFormat ProviderEnded = new(ScenarioActor.App, SenderImage.CallKit, CallKit, "Default", Default,
        "Provider %@ was asked to report that call with UUID %@ ended at date %@ with reason %ld");

    // AudioSession (AVAudioSession) client and server.
    public static readonly LogFormat SessionActiveChanged = new(ScenarioActor.App, SenderImage.AudioSession, CoreAudio, "as_client", Default,
        "%25s:%-5d %s session 0x%x");

    public static readonly LogFormat ProxySessionFailed = new(ScenarioActor.CallServices, SenderImage.AudioSession, CoreAudio, "as_client", Error,
        "%25s:%-5d Creating proxy session failed, session ID = 0x%x, error = %@");

    public static readonly LogFormat ServerSessionLookupFailed = new(ScenarioActor.AudioServer, SenderImage.AudioSession, CoreAudio, "as_server", Error,
        "%25s:%-5d %s failed due to session lookup failure for SessionID 0x%x");

    // SpringBoard.
    public static readonly LogFormat BannerPresented = new(ScenarioActor.SpringBoard, SenderImage.MainExecutable, "com.apple.SpringBoard", "Common", Default,
        "Presenting banner for incoming call %@");
}
