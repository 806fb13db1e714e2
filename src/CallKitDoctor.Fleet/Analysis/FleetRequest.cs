namespace CallKitDoctor.Fleet.Analysis;

/// <summary>What to compute from the telemetry.</summary>
public sealed record FleetRequest
{
    /// <summary>Grouping columns (none: one group of all calls).</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    /// <summary>Two groups to compare, if any.</summary>
    public PairRequest? Compare { get; init; }

    /// <summary>Compare each OS version with the previous one.</summary>
    public bool ReleaseScan { get; init; }

    /// <summary>Compare calls before this UTC date with calls on or after it, overall and within OS version.</summary>
    public DateOnly? RolloutDate { get; init; }

    /// <summary>Compare calls with <c>workaround=false</c> and <c>workaround=true</c>, overall and within OS version.</summary>
    public bool WorkaroundEffect { get; init; }

    /// <summary>Also compute what the HTML charts need (rate per OS version, the rollout day).</summary>
    public bool Charts { get; init; }

    /// <summary>The confidence level of every interval.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The two-sided significance level for flagging comparisons.</summary>
    public double Alpha { get; init; } = 0.05;
}
