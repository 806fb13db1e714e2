namespace CallKitDoctor.Diagnosis.Findings;

/// <summary>How serious a finding is, as in compiler diagnostics.</summary>
public enum FindingSeverity
{
    /// <summary>Context worth knowing (a coverage gap, a masked problem that is not the cause).</summary>
    Info,

    /// <summary>A practice that causes or risks audio failures.</summary>
    Warning,

    /// <summary>A failure of the call's audio.</summary>
    Error,
}
