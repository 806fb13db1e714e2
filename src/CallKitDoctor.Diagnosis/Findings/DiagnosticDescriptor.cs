namespace CallKitDoctor.Diagnosis.Findings;

/// <summary>
/// The fixed description of one kind of finding, like a compiler diagnostic's descriptor: a stable id users can
/// filter on (<c>--fail-on workaround-missing</c>), a title, the explanation, and the recommended fix.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Id,
    string Title,
    FindingSeverity DefaultSeverity,
    string Explanation,
    string Recommendation,
    string? HelpUri = null);
