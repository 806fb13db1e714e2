namespace CallKitDoctor.Scenarios.Tracev3;

/// <summary>What a format argument is, which decides its data item type.</summary>
public enum TraceArgumentKind
{
    /// <summary>An integer (<c>%d</c>, <c>%ld</c>, <c>%x</c>, <c>%lu</c>…).</summary>
    Scalar,

    /// <summary>A C string (<c>%s</c>).</summary>
    String,

    /// <summary>An object description (<c>%@</c>).</summary>
    Object,
}
