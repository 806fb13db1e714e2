namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>
/// One call taken from a diagnosis (a <c>diagnose --format json</c> report or a log diagnosed here), with the device
/// context of its log. Becomes one telemetry row: <see cref="DidActivate"/> is null when the verdict gives no outcome.
/// </summary>
public sealed record DiagnosedCall
{
    /// <summary>The report or log the call came from.</summary>
    public required string Source { get; init; }

    /// <summary>The call's 1-based index in its log.</summary>
    public required int Index { get; init; }

    public string? CallUuid { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary><c>incoming</c>, <c>outgoing</c> or <c>unknown</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>The diagnosis verdict, kebab-case (<c>activation-masked</c>).</summary>
    public required string Verdict { get; init; }

    /// <summary>The version number alone (<c>18.4.1</c> from <c>iPhone OS 18.4.1</c>).</summary>
    public string? OsVersion { get; init; }

    public string? OsBuild { get; init; }

    public string? DeviceModel { get; init; }

    public string? AppVersion { get; init; }

    /// <summary><c>false</c> with a workaround-missing finding, <c>true</c> when setConfiguration was seen, else <c>unknown</c>.</summary>
    public required string Workaround { get; init; }

    /// <summary><c>true</c> when the app tried setActive itself (or app-activated-audio was found), else <c>false</c>.</summary>
    public required string AppSetActive { get; init; }

    /// <summary>Milliseconds from the call's first event to didActivate, when both times are known.</summary>
    public double? ActivationMs { get; init; }

    /// <summary>The finding ids of the call and of its log as a whole, distinct.</summary>
    public required IReadOnlyList<string> Findings { get; init; }

    /// <summary>true for audio-activated, false for activation-failed and activation-masked, null otherwise.</summary>
    public bool? DidActivate => Verdict switch
    {
        "audio-activated" => true,
        "activation-failed" or "activation-masked" => false,
        _ => null,
    };
}
