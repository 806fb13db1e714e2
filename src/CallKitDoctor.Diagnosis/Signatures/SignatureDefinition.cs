using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>The fields of one catalog entry as read from JSON, before compilation.</summary>
internal sealed record SignatureDefinition
{
    public required string Id { get; init; }

    public required EventKind Kind { get; init; }

    public EventKind? InactiveKind { get; init; }

    public required EventActor Actor { get; init; }

    public bool ActorFromProcess { get; init; }

    public IReadOnlyList<string> Processes { get; init; } = [];

    public string? Subsystem { get; init; }

    public string? Category { get; init; }

    public string? Level { get; init; }

    public string? FormatString { get; init; }

    public string? Pattern { get; init; }

    public string? Anchor { get; init; }

    public required MatchConfidence Confidence { get; init; }

    public string Provenance { get; init; } = "";

    /// <summary>The captures in the order of their first mention (a field named twice keeps its place, the later source).</summary>
    public IReadOnlyList<SignatureCapture> Captures { get; init; } = [];

    public SignatureValues Values { get; init; } = SignatureValues.None;
}
