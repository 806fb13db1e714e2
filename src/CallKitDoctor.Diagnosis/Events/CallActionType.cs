namespace CallKitDoctor.Diagnosis.Events;

/// <summary>The CXAction classes that matter to a call's audio.</summary>
public enum CallActionType
{
    Unknown = 0,
    Answer,
    Start,
    End,
    SetHeld,
    SetMuted,
    SetGroup,
    PlayDtmf,
}
