namespace CallKitDoctor.Diagnosis.Events;

/// <summary>Which side of the call flow logged an event: the swimlanes of a timeline.</summary>
public enum EventActor
{
    Unknown = 0,

    /// <summary>The VoIP app (its own logs and the CallKit/AVFAudio framework code running in it).</summary>
    App,

    /// <summary>callservicesd (the CallKit daemon).</summary>
    CallServices,

    /// <summary>The audio server: audiomxd (iOS 17+) or mediaserverd.</summary>
    AudioServer,

    /// <summary>Other system processes (SpringBoard, RunningBoard, crash reporter).</summary>
    System,
}
