namespace CallKitDoctor.Diagnosis.Findings;

/// <summary>
/// One thing the diagnosis found: which rule (<see cref="Descriptor"/>), how serious, a message specific to this
/// occurrence, and the evidence lines. <see cref="CallIndex"/> names the call it belongs to, or is null for findings
/// about the whole log (a crash report, a transaction error with no call around it).
/// </summary>
public sealed record Finding(
    DiagnosticDescriptor Descriptor,
    FindingSeverity Severity,
    string Message,
    IReadOnlyList<Evidence> Evidence,
    int? CallIndex = null)
{
    /// <summary>The stable finding id (<c>session-id-zero</c>…).</summary>
    public string Id => Descriptor.Id;
}
