using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Tests.Diagnoser;
using CallKitDoctor.Reports.Json;

namespace CallKitDoctor.Diagnosis.Tests.Episodes;

/// <summary>
/// Seeded random logs of call events (pushes, configurations, reports, answers, activations, holds, failures, resets,
/// untimed lines, calls left open) with quiet stretches of random length: the episode reading must equal the
/// whole-log reading whenever it reports no late event, and many of the logs must actually be cut.
/// </summary>
public class RandomEpisodeTests
{
    [Fact]
    public void RandomLogsReadTheSameInEpisodes()
    {
        var cutLogs = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var scenario = Build(new Random(seed));
            var cut = scenario.Diagnose();
            var whole = scenario.Diagnose(DiagnosisOptions.Default with { CutEpisodes = false });
            if (cut.LateEvents > 0)
            {
                continue;
            }

            Assert.True(Json(whole) == Json(cut), $"seed {seed}: the episode reading differs from the whole-log reading");
            if (cut.Episodes > 1)
            {
                cutLogs++;
            }
        }

        Assert.True(cutLogs >= 20, $"only {cutLogs} of 60 random logs were cut into episodes");
    }

    private static Scenario Build(Random random)
    {
        var s = new Scenario();
        var t = 1.0;
        for (var step = 0; step < 80; step++)
        {
            t += random.Next(4) switch
            {
                0 => random.NextDouble() * 0.5,
                1 => random.NextDouble() * 5,
                2 => 10 + (random.NextDouble() * 25),
                _ => 31 + (random.NextDouble() * 60),
            };
            s.Filler(t);
            switch (random.Next(16))
            {
                case 0: s.Push(t); break;
                case 1: s.Configure(t); break;
                case 2 or 3: s.Report(t); break;
                case 4: s.Answer(t); break;
                case 5: s.Activate(t); break;
                case 6 or 7: s.End(t); break;
                case 8: s.Add(t, EventKind.HoldChanged, EventActor.CallServices, onHold: random.Next(2) == 0); break;
                case 9: s.Add(t, EventKind.SetActiveFailed, status: 561017449); break;
                case 10: s.Add(t, EventKind.ProviderReset); break;
                case 11: s.Add(t, EventKind.TransactionError, errorCode: 7); break;
                case 12: s.Add(null, EventKind.ConfigurationSet); break;
                case 13: s.Add(t, EventKind.PushNotReportedTermination, EventActor.CallServices); break;
                case 14: s.Add(t, EventKind.ProxySessionFailed, EventActor.CallServices, sessionId: 0); break;
                default: s.Add(t, EventKind.OutgoingCallStarted); break;
            }
        }

        s.Filler(t + 1);
        return s;
    }

    private static string Json(DiagnosisReport report)
    {
        using var writer = new StringWriter();
        new JsonReportRenderer().Render(report, writer);
        return writer.ToString();
    }
}
