namespace CallKitDoctor.Fleet.Statistics;

/// <summary>
/// The standard normal distribution: CDF and tails through <see cref="ErrorFunction.Erfc"/> (accurate to ~1e-14),
/// and the quantile by safeguarded Newton iteration on the CDF.
/// </summary>
public static class NormalDistribution
{
    private const double InverseSqrt2 = 0.70710678118654752440;
    private const double InverseSqrt2Pi = 0.39894228040143267794;

    public static double Density(double x) => InverseSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>P(Z ≤ x).</summary>
    public static double Cdf(double x) => 0.5 * ErrorFunction.Erfc(-x * InverseSqrt2);

    /// <summary>P(Z &gt; x), accurate far into the tail.</summary>
    public static double UpperTail(double x) => 0.5 * ErrorFunction.Erfc(x * InverseSqrt2);

    /// <summary>P(|Z| ≥ |z|).</summary>
    public static double TwoSidedPValue(double z) => double.IsNaN(z) ? double.NaN : Math.Min(1.0, ErrorFunction.Erfc(Math.Abs(z) * InverseSqrt2));

    /// <summary>The x with P(Z ≤ x) = p, for 0 &lt; p &lt; 1.</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie strictly between 0 and 1.");
        }

        double low = -40, high = 40, x = 0;
        for (var i = 0; i < 200; i++)
        {
            var error = Cdf(x) - p;
            if (error > 0)
            {
                high = x;
            }
            else
            {
                low = x;
            }

            var density = Density(x);
            var next = density > 1e-300 ? x - (error / density) : double.NaN;
            if (!(next > low && next < high))
            {
                next = 0.5 * (low + high);
            }

            if (Math.Abs(next - x) < 1e-15 * Math.Max(1, Math.Abs(x)))
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    /// <summary>The two-sided critical value for a confidence level (1.959964 for 0.95).</summary>
    public static double CriticalValue(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must lie strictly between 0 and 1.");
        }

        return Quantile(1 - ((1 - confidence) / 2));
    }
}
