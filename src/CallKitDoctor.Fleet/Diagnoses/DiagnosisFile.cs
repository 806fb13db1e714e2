using CallKitDoctor.Fleet.Engine;

namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>The calls taken from one input, or why none could be (the file is then a bad row, never dropped silently).</summary>
public sealed record DiagnosisFile(string Path, IReadOnlyList<DiagnosedCall> Calls, BadRow? Problem);
