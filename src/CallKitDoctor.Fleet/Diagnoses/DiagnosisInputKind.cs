namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>How a diagnosis input is read.</summary>
public enum DiagnosisInputKind
{
    /// <summary>A <c>diagnose --format json</c> report.</summary>
    Report,

    /// <summary>A log, sysdiagnose or logarchive to diagnose here.</summary>
    Log,
}
