using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Tests.Statistics;

public sealed class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047266)]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(5.0, 1.5374597944280349e-12)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_matches_reference_values(double x, double expected) =>
        Assert.Equal(expected, ErrorFunction.Erfc(x), expected * 1e-9);

    [Theory]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(0.0, 0.5)]
    [InlineData(-1.6448536269514722, 0.05)]
    [InlineData(2.5758293035489004, 0.995)]
    public void Cdf_matches_reference_values(double x, double expected) =>
        Assert.Equal(expected, NormalDistribution.Cdf(x), 1e-12);

    [Fact]
    public void Quantile_inverts_the_cdf()
    {
        Assert.Equal(1.959963984540054, NormalDistribution.CriticalValue(0.95), 1e-10);
        Assert.Equal(2.5758293035489004, NormalDistribution.CriticalValue(0.99), 1e-10);
        foreach (var p in new[] { 1e-10, 0.001, 0.2, 0.5, 0.7, 0.999 })
        {
            Assert.Equal(p, NormalDistribution.Cdf(NormalDistribution.Quantile(p)), p * 1e-9);
        }
    }

    [Fact]
    public void Erf_and_erfc_agree_across_the_series_and_fraction_boundary()
    {
        for (var x = 2.3; x < 2.7; x += 0.01)
        {
            Assert.Equal(1.0, ErrorFunction.Erf(x) + ErrorFunction.Erfc(x), 1e-14);
        }

        Assert.True(ErrorFunction.Erfc(2.4999999) > ErrorFunction.Erfc(2.5000001));
    }
}
