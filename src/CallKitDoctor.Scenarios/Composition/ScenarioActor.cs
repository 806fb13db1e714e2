namespace CallKitDoctor.Scenarios.Composition;

/// <summary>The processes a call flow's lines come from.</summary>
public enum ScenarioActor
{
    /// <summary>The VoIP app (its CallKit and AudioSession clients).</summary>
    App,

    /// <summary>callservicesd, CallKit's daemon.</summary>
    CallServices,

    /// <summary>audiomxd, the audio session server.</summary>
    AudioServer,

    /// <summary>SpringBoard (incoming-call banners).</summary>
    SpringBoard,
}
