namespace CallKitDoctor.Fleet.Generation;

/// <summary>
/// The shape of a SYNTHETIC fleet (no real data): calls spread over <see cref="Days"/> from <see cref="Start"/>, a
/// failure rate of <see cref="BaseRate"/> (incoming) scaled by <see cref="BadOsFactor"/> on <see cref="BadOsVersion"/>,
/// halved for outgoing calls, and divided by <see cref="WorkaroundFactor"/> once the workaround is on: every call from
/// the rollout day (halfway) on runs the new app version with the workaround.
/// </summary>
public sealed record FleetGeneratorOptions
{
    public int Seed { get; init; } = 20250415;

    public long Calls { get; init; } = 3_000_000;

    public int Days { get; init; } = 28;

    public DateOnly Start { get; init; } = new(2025, 4, 1);

    public double BaseRate { get; init; } = 0.05;

    public string BadOsVersion { get; init; } = "18.4.1";

    public double BadOsFactor { get; init; } = 3.0;

    public double WorkaroundFactor { get; init; } = 5.0;

    /// <summary>The first UTC day on which every call has the workaround (halfway through).</summary>
    public DateOnly RolloutDate => Start.AddDays(Days / 2);
}
