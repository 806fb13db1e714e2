namespace CallKitDoctor.Scenarios.Composition;

/// <summary>The moments of a CallKit call flow that a scenario can describe.</summary>
public enum StepKind
{
    /// <summary>callservicesd receives the VoIP push (APS message) for the app.</summary>
    Push,

    /// <summary>callservicesd opens (launches) the app for the push.</summary>
    Launch,

    /// <summary>callservicesd delivers the VoIP payload to the app.</summary>
    Deliver,

    /// <summary>The app calls <c>CXProvider.setConfiguration</c> (the DTS workaround) and callservicesd registers it.</summary>
    SetConfiguration,

    /// <summary>The app reports the incoming call; callservicesd receives and adds it.</summary>
    Report,

    /// <summary>SpringBoard presents the incoming-call banner.</summary>
    Banner,

    /// <summary>The user answers: callservicesd sends the answer transaction and the app's delegate is asked to perform it.</summary>
    Answer,

    /// <summary>callservicesd cannot create the proxy audio session (session ID from the configuration not found).</summary>
    ProxySessionFailure,

    /// <summary>The app fulfils the action; callservicesd receives the completion.</summary>
    ActionCompleted,

    /// <summary>callservicesd accounts the completed action.</summary>
    CompletedAction,

    /// <summary>CallKit activates the app's audio session: callservicesd sends active 1 and the delegate's didActivate runs.</summary>
    DidActivate,

    /// <summary>CallKit deactivates the app's audio session: callservicesd sends active 0 and the delegate's didDeactivate runs.</summary>
    DidDeactivate,

    /// <summary>The in-call UI or app comes to the foreground for the call.</summary>
    EnteredForeground,

    /// <summary>The app calls <c>AVAudioSession.setActive(true)</c> itself.</summary>
    AppSetActive,

    /// <summary>The app calls <c>AVAudioSession.setActive(false)</c>.</summary>
    AppSetInactive,

    /// <summary>The app reports the call ended; callservicesd receives it.</summary>
    End,
}
