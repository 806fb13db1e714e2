namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>One file or folder to take calls from.</summary>
public sealed record DiagnosisInput(string Path, DiagnosisInputKind Kind);
