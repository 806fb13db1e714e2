namespace CallKitDoctor.Fleet.Statistics;

/// <summary>The z statistic (positive when the candidate's rate is higher) and its two-sided p-value.</summary>
public readonly record struct TwoProportionTestResult(double Z, double PValue);
