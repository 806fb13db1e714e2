using CallKitDoctor.Scenarios.Tracev3;
using F = CallKitDoctor.Scenarios.Composition.CallKitFormats;

namespace CallKitDoctor.Scenarios.Composition;

/// <summary>
/// Turns a scenario's steps into the lines the real processes log for them, with their arguments and privacy: object
/// descriptions (<c>%@</c>) a device redacts are private; CallKit's method names, AVAudioSession's file names, line
/// numbers and session IDs, and counts are public, as they show in real logs.
/// </summary>
public static class ScenarioComposer
{
    private const string AudioSessionSource = "AVAudioSession_iOS.mm";
    private const string AudioServerSource = "AVAudioSessionXPCServer.mm";

    /// <summary>The lines of every step, in step order.</summary>
    public static IReadOnlyList<ScenarioLine> Compose(CallScenario scenario)
    {
        var lines = new List<ScenarioLine>();
        foreach (var step in scenario.Steps)
        {
            var formats = Lines(step.Kind, scenario.App);
            for (var i = 0; i < formats.Count; i++)
            {
                lines.Add(new ScenarioLine(step.TimeOf(i), formats[i].Format, formats[i].Arguments));
            }
        }

        return lines;
    }

    private static TraceArgument Hidden() => TraceArgument.Object(string.Empty, isPrivate: true);

    private static TraceArgument Method(string name) => TraceArgument.CString(name);

    private static List<(LogFormat Format, TraceArgument[] Arguments)> Lines(StepKind kind, AppProfile app) => kind switch
    {
        StepKind.Push => [(F.ApsMessage, [Hidden(), Hidden()])],
        StepKind.Launch => [(F.OpeningApplication, [Hidden()]), (F.LaunchedApplication, [Hidden()])],
        StepKind.Deliver => [(F.DeliveringPayloads, [TraceArgument.Int64(1), Hidden()])],
        StepKind.SetConfiguration =>
        [
            (F.ProviderConfigured, [Hidden(), Hidden()]),
            (F.SourceReceivedConfiguration, [Method("-[CXCallSource registerWithConfiguration:]"), Hidden()]),
        ],
        StepKind.Report =>
        [
            (F.ProviderReport, [Hidden(), Hidden(), Hidden()]),
            (F.SourceReceivedReport, [Method("-[CXCallSource reportNewIncomingCallWithUUID:update:reply:]"), Hidden(), Hidden()]),
            (F.AddIncomingCall, [Hidden(), Hidden(), Hidden()]),
        ],
        StepKind.Banner => [(F.BannerPresented, [Hidden()])],
        StepKind.Answer =>
        [
            (F.PerformAction, [Hidden(), Hidden()]),
            (F.SourceSendingTransaction, [Method("-[CXCallSource commitTransaction:]_block_invoke"), Hidden()]),
            (F.ProviderCommit, [Hidden()]),
            (F.ProviderAskDelegate, [Hidden()]),
        ],
        StepKind.ProxySessionFailure =>
        [
            (F.ServerSessionLookupFailed,
                [TraceArgument.CString(AudioServerSource), TraceArgument.Int32(404), Method("-[AVAudioSessionRemoteXPCClient createProxySession:reply:]"), TraceArgument.Int32(0)]),
            (F.ProxySessionFailed,
                [TraceArgument.CString(AudioSessionSource), TraceArgument.Int32(597), TraceArgument.Int32(0), TraceArgument.Object(SessionLookupError)]),
        ],
        StepKind.ActionCompleted =>
        [
            (F.ProviderActionCompleted, [Hidden(), Hidden()]),
            (F.SourceReceivedAction, [Method("-[CXCallSource actionCompleted:completionHandler:]"), Hidden()]),
        ],
        StepKind.CompletedAction => [(F.CompletedAction, [Hidden()])],
        StepKind.DidActivate => ActivationLines(1),
        StepKind.DidDeactivate => ActivationLines(0),
        StepKind.EnteredForeground => [(F.EnteredForeground, [Hidden()])],
        StepKind.AppSetActive => [(F.SessionActiveChanged, SessionArguments("Activated", app))],
        StepKind.AppSetInactive => [(F.SessionActiveChanged, SessionArguments("Deactivated", app))],
        StepKind.End =>
        [
            (F.ProviderEnded, [Hidden(), Hidden(), Hidden(), TraceArgument.Int64(2)]),
            (F.SourceReceivedEnd,
                [Method("-[CXCallSource reportCallWithUUID:endedAtDate:privateReason:failureContext:reply:]"), Hidden(), Hidden(), TraceArgument.Int64(2), Hidden()]),
        ],
        _ => [],
    };

    private static List<(LogFormat Format, TraceArgument[] Arguments)> ActivationLines(int active) =>
    [
        (F.SourceSendingActive, [Method("-[CXCallSource handleAudioSessionActivationStateChangedTo:]_block_invoke"), TraceArgument.Int32(active)]),
        (F.ProviderActivationNotified, [TraceArgument.Int32(active)]),
        (F.ProviderNotifyingDelegate, [TraceArgument.Int32(active)]),
    ];

    private static TraceArgument[] SessionArguments(string verb, AppProfile app) =>
        [TraceArgument.CString(AudioSessionSource), TraceArgument.Int32(984), TraceArgument.CString(verb), TraceArgument.Int32((int)app.AudioSessionId)];

    /// <summary>The NSError description callservicesd prints for the failed proxy session (OSStatus -50).</summary>
    public const string SessionLookupError = "<NSError:0x60000071c03da10(NSOSStatusErrorDomain:-50) - {\n    NSLocalizedDescription = \"Session lookup failed\";\n}>";
}
