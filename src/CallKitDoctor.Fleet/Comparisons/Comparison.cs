using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Comparisons;

/// <summary>
/// Two groups compared: the candidate's failure rate over the baseline's (rate ratio with its Katz interval) and the
/// pooled two-proportion test. <see cref="Significant"/> when p &lt; alpha; <see cref="Increase"/> when also the
/// candidate fails more often.
/// </summary>
public sealed record Comparison(
    ComparisonKind Kind,
    GroupKey Baseline,
    GroupKey Candidate,
    Proportion BaselineCounts,
    Proportion CandidateCounts,
    RateRatio Ratio,
    TwoProportionTestResult Test,
    double Alpha)
{
    public bool Significant => Test.PValue < Alpha;

    public bool Increase => Significant && Ratio.Ratio > 1;

    public bool Decrease => Significant && Ratio.Ratio < 1;

    public static Comparison Of(ComparisonKind kind, GroupKey baseline, Proportion baselineCounts, GroupKey candidate, Proportion candidateCounts, double confidence, double alpha) =>
        new(kind, baseline, candidate, baselineCounts, candidateCounts,
            RateRatio.Compute(baselineCounts, candidateCounts, confidence),
            TwoProportionTest.Run(baselineCounts, candidateCounts),
            alpha);
}
