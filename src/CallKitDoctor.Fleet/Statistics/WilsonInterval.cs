namespace CallKitDoctor.Fleet.Statistics;

/// <summary>The Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998 method 3).</summary>
public static class WilsonInterval
{
    public static Interval Compute(Proportion proportion, double confidence = 0.95) =>
        ForCriticalValue(proportion, NormalDistribution.CriticalValue(confidence));

    /// <summary>The interval for an explicit critical value z (1.959964 for 95 %).</summary>
    public static Interval ForCriticalValue(Proportion proportion, double z)
    {
        var n = (double)proportion.Trials;
        if (n == 0)
        {
            return new Interval(0, 1);
        }

        var p = proportion.Events / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var low = proportion.Events == 0 ? 0 : Math.Max(0, center - half);
        var high = proportion.Events == proportion.Trials ? 1 : Math.Min(1, center + half);
        return new Interval(low, high);
    }
}
