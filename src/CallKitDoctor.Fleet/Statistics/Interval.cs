namespace CallKitDoctor.Fleet.Statistics;

/// <summary>A two-sided confidence interval.</summary>
public readonly record struct Interval(double Low, double High)
{
    public bool Contains(double value) => value >= Low && value <= High;
}
