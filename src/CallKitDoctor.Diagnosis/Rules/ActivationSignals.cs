using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// What an event says about who activated the audio session: CallKit (callservicesd on the app's behalf) or the app
/// itself. Shared by the rules and the verdicts so that they agree.
/// </summary>
public static class ActivationSignals
{
    /// <summary>
    /// CallKit activated the app's session: didActivate delivered ("with active: 1", "Notified … changed to: 1",
    /// the app's own didActivate log) or the audio server activated it under callservicesd's control (controlling_PID).
    /// </summary>
    public static bool IsCallKitActivation(CallEvent e) => e.Kind switch
    {
        EventKind.DidActivateDelivered => e.Active != false,
        EventKind.SessionActivated => e.ControllingPid is not null,
        _ => false,
    };

    /// <summary>CallKit took the session away (didDeactivate, "with active: 0").</summary>
    public static bool IsDeactivation(CallEvent e) => e.Kind switch
    {
        EventKind.DidDeactivateDelivered => true,
        EventKind.DidActivateDelivered => e.Active == false,
        EventKind.SessionDeactivated => true,
        _ => false,
    };

    /// <summary>
    /// The app's own activation went through: the app's AVAudioSession logged "Activated session 0x…", or the audio
    /// server activated the app's session with no controlling process (<c>"details":null</c>).
    /// </summary>
    public static bool IsAppActivationSuccess(CallEvent e)
    {
        if (e.Kind != EventKind.SessionActivated || e.ControllingPid is not null || e.Active == false)
        {
            return false;
        }

        return e.Actor switch
        {
            EventActor.App => true,
            EventActor.AudioServer => e.Entry.EventMessage.Contains("\"details\":null", StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>The app tried to activate its session itself (setActive(true) logged by the app or its SDK).</summary>
    public static bool IsAppActivationAttempt(CallEvent e) =>
        e.Kind == EventKind.AppSetActiveAttempt && e.Active != false;

    /// <summary>
    /// An activation by the app was refused: a setActive error in the app, or the audio server refusing an activation
    /// that no process controlled.
    /// </summary>
    public static bool IsAppActivationFailure(CallEvent e)
    {
        if (e.Kind != EventKind.SetActiveFailed)
        {
            return false;
        }

        return e.Actor switch
        {
            EventActor.App or EventActor.Unknown => true,
            EventActor.AudioServer => e.ControllingPid is null &&
                !e.Entry.EventMessage.Contains("callservicesd", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>Any sign that the app activated (or tried to activate) the session itself.</summary>
    public static bool IsAppActivation(CallEvent e) =>
        IsAppActivationSuccess(e) || IsAppActivationAttempt(e) || IsAppActivationFailure(e);

    /// <summary>The event is the answer (incoming) or the start (outgoing) going through.</summary>
    public static bool IsAnswerOrStart(CallEvent e) =>
        (e.Kind is EventKind.ActionPerformed or EventKind.ActionCompleted && e.Action is CallActionType.Answer or CallActionType.Start) ||
        e.Kind == EventKind.OutgoingCallStarted;
}
