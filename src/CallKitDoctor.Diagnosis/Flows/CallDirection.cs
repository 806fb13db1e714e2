namespace CallKitDoctor.Diagnosis.Flows;

/// <summary>Whether a call was reported as incoming or started as outgoing.</summary>
public enum CallDirection
{
    Unknown = 0,
    Incoming,
    Outgoing,
}
