namespace CallKitDoctor.Fleet.Statistics;

/// <summary>
/// The complementary error function without a table of fitted coefficients: the everywhere-positive power series
/// erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (2n+1)!! below 2.5, and the classical continued fraction
/// erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + …)))) above, evaluated backwards. Relative error ~1e-14.
/// </summary>
public static class ErrorFunction
{
    private const double InverseSqrtPi = 0.56418958354775628695;
    private const double SeriesLimit = 2.5;
    private const int FractionDepth = 300;

    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x < SeriesLimit)
        {
            return 1 - Erf(x);
        }

        if (x > 27)
        {
            return 0; // e^(-729) underflows a double.
        }

        var tail = x;
        for (var k = FractionDepth; k >= 1; k--)
        {
            tail = x + (k / 2.0 / tail);
        }

        return Math.Exp(-x * x) * InverseSqrtPi / tail;
    }

    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return -Erf(-x);
        }

        if (x >= SeriesLimit)
        {
            return 1 - Erfc(x);
        }

        var x2 = x * x;
        var term = x;
        var sum = x;
        for (var n = 1; n < 500; n++)
        {
            term *= 2 * x2 / ((2 * n) + 1);
            sum += term;
            if (term < 1e-17 * sum)
            {
                break;
            }
        }

        return 2 * InverseSqrtPi * Math.Exp(-x2) * sum;
    }
}
