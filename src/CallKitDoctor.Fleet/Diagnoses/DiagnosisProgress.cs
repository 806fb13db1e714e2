namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>How far a batch of diagnoses is: inputs finished out of all, and the one just finished.</summary>
public readonly record struct DiagnosisProgress(int Done, int Total, string Last);
