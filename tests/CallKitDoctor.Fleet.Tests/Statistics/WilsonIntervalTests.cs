using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (score, no CC).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_Newcombe_1998(long events, long trials, double low, double high)
    {
        var interval = WilsonInterval.Compute(new Proportion(events, trials));
        Assert.Equal(low, interval.Low, 0.00005);
        Assert.Equal(high, interval.High, 0.00005);
    }

    [Fact]
    public void Zero_and_all_events_have_the_closed_form_bounds()
    {
        // Agresti & Coull (1998): for x = 0 the score upper bound is z²/(n + z²); symmetric for x = n.
        var z2 = Math.Pow(NormalDistribution.CriticalValue(0.95), 2);
        Assert.Equal(z2 / (10 + z2), WilsonInterval.Compute(new Proportion(0, 10)).High, 1e-12);
        Assert.Equal(10 / (10 + z2), WilsonInterval.Compute(new Proportion(10, 10)).Low, 1e-12);
        Assert.Equal(new Interval(0, 1), WilsonInterval.Compute(new Proportion(0, 0)));
    }

    [Fact]
    public void Covers_a_known_rate_at_about_the_nominal_level()
    {
        var random = new Random(20261126);
        foreach (var (rate, trials) in new[] { (0.1, 200), (0.02, 2000), (0.05, 400) })
        {
            const int samples = 2000;
            var covered = 0;
            for (var s = 0; s < samples; s++)
            {
                var events = Binomial(random, trials, rate);
                if (WilsonInterval.Compute(new Proportion(events, trials)).Contains(rate))
                {
                    covered++;
                }
            }

            var coverage = (double)covered / samples;
            Assert.InRange(coverage, 0.93, 0.97);
        }
    }

    internal static long Binomial(Random random, int trials, double rate)
    {
        var events = 0L;
        for (var i = 0; i < trials; i++)
        {
            if (random.NextDouble() < rate)
            {
                events++;
            }
        }

        return events;
    }
}
