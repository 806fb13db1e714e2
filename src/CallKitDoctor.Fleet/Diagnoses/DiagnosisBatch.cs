using CallKitDoctor.Fleet.Engine;

namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>Every call taken from a set of inputs (in input order), the inputs that gave none, and those that failed.</summary>
public sealed record DiagnosisBatch(
    IReadOnlyList<string> Inputs,
    IReadOnlyList<DiagnosedCall> Calls,
    IReadOnlyList<BadRow> FailedInputs,
    int InputsWithoutCalls);
