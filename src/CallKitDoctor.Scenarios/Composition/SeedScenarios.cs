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
        ["seed-lab"] = Lab(),
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

    /// <summary>
    /// The lab flow the DTS engineer confirmed as correct (<c>samples/seed-lab-workaround.ndjson</c>): push, launch,
    /// delivery, <c>setConfiguration</c> right before the report, answer, CallKit's activation and didActivate, end.
    /// </summary>
    public static CallScenario Lab() => new()
    {
        Name = "seed-lab",
        Device = new DeviceProfile
        {
            ProductVersion = "26.0.1",
            BuildVersion = "23A355",
            TimeZoneName = "Asia/Shanghai",
            StandardOffset = TimeSpan.FromHours(8),
            DaylightSavings = false,
            BootUuid = Guid.Parse("C2A94D31-6E0B-4F57-8D1C-3B7E5A90F268"),
        },
        App = new AppProfile { ProcessId = 2231, ThreadId = 303388 },
        CaptureTime = LabTime("18:28:20.000000"),
        Steps =
        [
            Step(LabTime, StepKind.Push, "18:27:47.401604"),
            Step(LabTime, StepKind.Launch, "18:27:47.452107", "18:27:47.454707"),
            Step(LabTime, StepKind.Deliver, "18:27:47.459960"),
            Step(LabTime, StepKind.SetConfiguration, "18:27:47.476283", "18:27:47.477213"),
            Step(LabTime, StepKind.Report, "18:27:47.478526", "18:27:47.478814", "18:27:47.479620"),
            Step(LabTime, StepKind.Answer, "18:27:51.102455", "18:27:51.103310", "18:27:51.105882", "18:27:51.106015"),
            Step(LabTime, StepKind.ActionCompleted, "18:27:51.171204", "18:27:51.172690"),
            Step(LabTime, StepKind.DidActivate, "18:27:51.238447", "18:27:51.240093", "18:27:51.240180"),
            Step(LabTime, StepKind.End, "18:28:12.884301", "18:28:12.885120"),
            Step(LabTime, StepKind.DidDeactivate, "18:28:12.931577", "18:28:12.932870", "18:28:12.933020"),
        ],
    };

    private static ScenarioStep Step(StepKind kind, params string[] times) => new(kind, [.. times.Select(At)]);

    private static ScenarioStep Step(Func<string, DateTimeOffset> at, StepKind kind, params string[] times) => new(kind, [.. times.Select(at)]);

    /// <summary>A local time on 2025-10-28 at +08:00.</summary>
    private static DateTimeOffset LabTime(string time) =>
        DateTimeOffset.ParseExact("2025-10-28 " + time + " +08:00", "yyyy-MM-dd HH:mm:ss.ffffff zzz", CultureInfo.InvariantCulture);

    /// <summary>A local time on 2025-10-23 in Sydney daylight time (+11:00).</summary>
    private static DateTimeOffset At(string time) =>
        DateTimeOffset.ParseExact("2025-10-23 " + time + " +11:00", "yyyy-MM-dd HH:mm:ss.ffffff zzz", CultureInfo.InvariantCulture);
}
