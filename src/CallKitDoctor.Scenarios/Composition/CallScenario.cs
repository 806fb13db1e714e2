namespace CallKitDoctor.Scenarios.Composition;

/// <summary>
/// A short description of call flows on one device: the app, the steps in order, and when the sysdiagnose was taken.
/// </summary>
public sealed record CallScenario
{
    public required string Name { get; init; }

    public DeviceProfile Device { get; init; } = new();

    public AppProfile App { get; init; } = new();

    public required IReadOnlyList<ScenarioStep> Steps { get; init; }

    /// <summary>When the sysdiagnose was triggered (names the archive); a few seconds after the last step when null.</summary>
    public DateTimeOffset? CaptureTime { get; init; }
}
