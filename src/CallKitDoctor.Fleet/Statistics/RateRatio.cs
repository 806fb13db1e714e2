namespace CallKitDoctor.Fleet.Statistics;

/// <summary>
/// The ratio of two proportions (candidate / baseline) with the log-method interval of Katz et al. (1978):
/// exp(ln RR ± z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)). When either group has no events, 0.5 is added to both event counts
/// (and 1 to both totals) so the interval stays finite.
/// </summary>
public readonly record struct RateRatio(double Ratio, Interval Interval)
{
    public static RateRatio Compute(Proportion baseline, Proportion candidate, double confidence = 0.95)
    {
        if (baseline.Trials == 0 || candidate.Trials == 0)
        {
            return new RateRatio(double.NaN, new Interval(double.NaN, double.NaN));
        }

        double x1 = baseline.Events, n1 = baseline.Trials, x2 = candidate.Events, n2 = candidate.Trials;
        if (x1 == 0 || x2 == 0)
        {
            x1 += 0.5;
            x2 += 0.5;
            n1 += 1;
            n2 += 1;
        }

        var ratio = x2 / n2 / (x1 / n1);
        var se = Math.Sqrt((1 / x1) - (1 / n1) + (1 / x2) - (1 / n2));
        var z = NormalDistribution.CriticalValue(confidence);
        var log = Math.Log(ratio);
        return new RateRatio(ratio, new Interval(Math.Exp(log - (z * se)), Math.Exp(log + (z * se))));
    }
}
