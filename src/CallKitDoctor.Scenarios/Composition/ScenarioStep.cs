namespace CallKitDoctor.Scenarios.Composition;

/// <summary>
/// One step of a call flow and when its lines are logged: <see cref="Times"/> gives each line's time in order; lines
/// past the last given time follow it <see cref="LineGap"/> apart.
/// </summary>
public sealed record ScenarioStep(StepKind Kind, IReadOnlyList<DateTimeOffset> Times)
{
    /// <summary>The spacing of lines that have no time of their own.</summary>
    public static readonly TimeSpan LineGap = TimeSpan.FromMilliseconds(1);

    /// <summary>A step whose lines start at <paramref name="at"/>.</summary>
    public ScenarioStep(StepKind kind, DateTimeOffset at)
        : this(kind, [at])
    {
    }

    /// <summary>The time of the step's line <paramref name="index"/>.</summary>
    public DateTimeOffset TimeOf(int index) =>
        index < Times.Count ? Times[index] : Times[^1] + (LineGap * (index - Times.Count + 1));
}
