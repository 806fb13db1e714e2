using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Tests.Statistics;

public sealed class TwoProportionTestTests
{
    // Physicians' Health Study (Agresti, An Introduction to Categorical Data Analysis, §2.2–2.4): myocardial
    // infarction 189/11034 on placebo vs 104/11037 on aspirin; Pearson X² ≈ 25.0, relative risk 1.82 (1.43, 2.30).
    private static readonly Proportion Aspirin = new(104, 11037);
    private static readonly Proportion Placebo = new(189, 11034);

    [Fact]
    public void Matches_the_aspirin_study_chi_square()
    {
        var result = TwoProportionTest.Run(Aspirin, Placebo);
        Assert.Equal(25.0, result.Z * result.Z, 0.05);
        Assert.True(result.Z > 0);
        Assert.InRange(result.PValue, 4e-7, 8e-7);
    }

    [Fact]
    public void Matches_the_aspirin_study_relative_risk()
    {
        var ratio = RateRatio.Compute(Aspirin, Placebo);
        Assert.Equal(1.82, ratio.Ratio, 0.005);
        Assert.Equal(1.43, ratio.Interval.Low, 0.005);
        Assert.Equal(2.30, ratio.Interval.High, 0.006);
    }

    [Fact]
    public void Equal_rates_give_p_one_and_swapping_flips_the_sign()
    {
        var same = TwoProportionTest.Run(new Proportion(30, 100), new Proportion(60, 200));
        Assert.Equal(0, same.Z, 1e-12);
        Assert.Equal(1, same.PValue, 1e-12);
        var forward = TwoProportionTest.Run(new Proportion(10, 100), new Proportion(25, 100));
        var backward = TwoProportionTest.Run(new Proportion(25, 100), new Proportion(10, 100));
        Assert.Equal(-forward.Z, backward.Z, 1e-12);
        Assert.Equal(forward.PValue, backward.PValue, 1e-15);
    }

    [Fact]
    public void Rejects_a_true_null_about_five_percent_of_the_time()
    {
        var random = new Random(7);
        const int samples = 2000;
        var rejections = 0;
        for (var s = 0; s < samples; s++)
        {
            var a = WilsonIntervalTests.Binomial(random, 400, 0.1);
            var b = WilsonIntervalTests.Binomial(random, 400, 0.1);
            if (TwoProportionTest.Run(new Proportion(a, 400), new Proportion(b, 400)).PValue < 0.05)
            {
                rejections++;
            }
        }

        Assert.InRange((double)rejections / samples, 0.03, 0.07);
    }

    [Fact]
    public void Rate_ratio_interval_covers_the_true_ratio_at_about_the_nominal_level()
    {
        var random = new Random(11);
        const int samples = 1000;
        var covered = 0;
        for (var s = 0; s < samples; s++)
        {
            var a = WilsonIntervalTests.Binomial(random, 3000, 0.02);
            var b = WilsonIntervalTests.Binomial(random, 3000, 0.05);
            if (RateRatio.Compute(new Proportion(a, 3000), new Proportion(b, 3000)).Interval.Contains(2.5))
            {
                covered++;
            }
        }

        Assert.InRange((double)covered / samples, 0.93, 0.97);
    }

    [Fact]
    public void Zero_events_keep_the_ratio_interval_finite()
    {
        var ratio = RateRatio.Compute(new Proportion(0, 100), new Proportion(5, 100));
        Assert.True(double.IsFinite(ratio.Interval.Low) && double.IsFinite(ratio.Interval.High));
        Assert.True(ratio.Interval.Low < ratio.Ratio && ratio.Ratio < ratio.Interval.High);
    }
}
