using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Reports.Tones;

/// <summary>The <see cref="Tone"/> of events, verdicts and severities, shared by the terminal, Markdown and HTML outputs.</summary>
public static class ToneMap
{
    public static Tone Of(EventKind kind) => kind switch
    {
        EventKind.DidActivateDelivered or EventKind.SessionActivated => Tone.Good,
        EventKind.AppSetActiveAttempt => Tone.Caution,
        EventKind.ProxySessionFailed or EventKind.SetActiveFailed or EventKind.AudioIoFailed or EventKind.ActionFailed
            or EventKind.ActionTimedOut or EventKind.TransactionError or EventKind.PushNotReportedTermination
            or EventKind.ProviderReset or EventKind.MediaServicesReset or EventKind.CallSourceInvalidated => Tone.Bad,
        _ => Tone.Neutral,
    };

    public static Tone Of(CallVerdict verdict) => verdict switch
    {
        CallVerdict.AudioActivated => Tone.Good,
        CallVerdict.ActivationMasked => Tone.Caution,
        CallVerdict.ActivationFailed or CallVerdict.NoCallReported => Tone.Bad,
        _ => Tone.Neutral,
    };

    public static Tone Of(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => Tone.Bad,
        FindingSeverity.Warning => Tone.Caution,
        _ => Tone.Neutral,
    };
}
