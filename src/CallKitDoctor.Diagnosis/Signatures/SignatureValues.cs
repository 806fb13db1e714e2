using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>Values a signature implies whatever the line shows (e.g. <c>provider:performAnswerCallAction:</c> → action Answer).</summary>
public sealed record SignatureValues
{
    /// <summary>No fixed values.</summary>
    public static SignatureValues None { get; } = new();

    public bool? Active { get; init; }

    public CallActionType? Action { get; init; }

    public bool? OnHold { get; init; }

    public int? ErrorCode { get; init; }

    public string? ErrorDomain { get; init; }
}
