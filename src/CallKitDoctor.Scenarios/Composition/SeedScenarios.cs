using System.Globalization;

namespace CallKitDoctor.Scenarios.Composition;

/// <summary>
/// The call flows of the seed thread (Apple Developer Forums 783870), with the steps and line times of the samples
/// shipped in <c>samples/</c>.
/// </summary>
public static class SeedScenarios
{
    /// <summary>Every named scenario.</summary>
    public static IReadOnlyDictionary<string, CallScenario> All { get; } = new Dictionary<string, CallScenario>(StringComparer.OrdinalIgnoreCase)
    {
        ["seed-production"] = Production(),
    };

    /// <summary>
    /// The failing production flow of <c>samples/seed-production-failure.log</c>: three incoming calls reported with no
    /// <c>setConfiguration</c> before them; the first answered, the app activating its audio session itself once in the
    /// foreground; the second answered with callservicesd's proxy-session failure (session ID 0x0); the third still
    /// ringing when the capture ends.
    /// </summary>
    public static CallScenario Production() => new()
    {
        Name = "seed-production",
        CaptureTime = At("16:02:10.000000"),
        Steps =
        [
            Step(StepKind.Report, "16:00:39.916170", "16:00:39.917402", "16:00:39.918177"),
            Step(StepKind.Banner, "16:00:40.002318"),
            Step(StepKind.Answer, "16:00:44.201553", "16:00:44.202874", "16:00:44.205112", "16:00:44.205390"),
            Step(StepKind.ActionCompleted, "16:00:44.288741", "16:00:44.290016"),
            Step(StepKind.CompletedAction, "16:00:44.290377"),
            Step(StepKind.EnteredForeground, "16:01:07.946140"),
            Step(StepKind.AppSetActive, "16:01:17.244642"),
            Step(StepKind.End, "16:01:25.730155", "16:01:25.731449"),
            Step(StepKind.AppSetInactive, "16:01:25.802217"),
            Step(StepKind.Push, "16:01:33.981442"),
            Step(StepKind.Deliver, "16:01:34.012907"),
            Step(StepKind.Report, "16:01:34.063889", "16:01:34.065020", "16:01:34.065811"),
            Step(StepKind.Answer, "16:01:52.214790", "16:01:52.215902", "16:01:52.218336", "16:01:52.218601"),
            Step(StepKind.ProxySessionFailure, "16:01:52.258190", "16:01:52.259438"),
            Step(StepKind.ActionCompleted, "16:01:52.301187", "16:01:52.302544"),
            Step(StepKind.End, "16:01:58.540026", "16:01:58.541310"),
            Step(StepKind.Push, "16:02:01.702335"),
            Step(StepKind.Deliver, "16:02:01.741580"),
            Step(StepKind.Report, "16:02:01.765404", "16:02:01.766662", "16:02:01.767300"),
            Step(StepKind.Banner, "16:02:03.118420"),
        ],
    };

    private static ScenarioStep Step(StepKind kind, params string[] times) => new(kind, [.. times.Select(At)]);

    /// <summary>A local time on 2025-10-23 in Sydney daylight time (+11:00).</summary>
    private static DateTimeOffset At(string time) =>
        DateTimeOffset.ParseExact("2025-10-23 " + time + " +11:00", "yyyy-MM-dd HH:mm:ss.ffffff zzz", CultureInfo.InvariantCulture);
}
