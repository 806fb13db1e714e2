namespace CallKitDoctor.Fleet.Comparisons;

/// <summary>Why two groups were compared.</summary>
public enum ComparisonKind
{
    /// <summary>Two groups named with <c>--compare</c>.</summary>
    Pair,

    /// <summary>An OS version against the previous one.</summary>
    Release,

    /// <summary>Before against after a rollout (a date or the workaround flag), overall or within one OS version.</summary>
    Rollout,
}
