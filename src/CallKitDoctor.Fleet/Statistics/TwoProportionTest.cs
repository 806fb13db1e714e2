namespace CallKitDoctor.Fleet.Statistics;

/// <summary>
/// The pooled two-proportion z-test of H0: p₁ = p₂ (equivalent to Pearson's χ² on the 2×2 table without continuity
/// correction: z² = χ²).
/// </summary>
public static class TwoProportionTest
{
    public static TwoProportionTestResult Run(Proportion baseline, Proportion candidate)
    {
        if (baseline.Trials == 0 || candidate.Trials == 0)
        {
            return new TwoProportionTestResult(double.NaN, double.NaN);
        }

        var n1 = (double)baseline.Trials;
        var n2 = (double)candidate.Trials;
        var pooled = (baseline.Events + (double)candidate.Events) / (n1 + n2);
        var variance = pooled * (1 - pooled) * ((1 / n1) + (1 / n2));
        var difference = candidate.Rate - baseline.Rate;
        if (variance <= 0)
        {
            // Both groups all-failures or all-successes: no evidence of a difference.
            return new TwoProportionTestResult(0, 1);
        }

        var z = difference / Math.Sqrt(variance);
        return new TwoProportionTestResult(z, NormalDistribution.TwoSidedPValue(z));
    }
}
