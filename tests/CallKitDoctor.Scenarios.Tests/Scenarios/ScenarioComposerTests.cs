using CallKitDoctor.Scenarios.Composition;

namespace CallKitDoctor.Scenarios.Tests.Scenarios;

public class ScenarioComposerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 23, 16, 0, 0, TimeSpan.FromHours(11));

    [Fact]
    public void LinesWithoutTheirOwnTimeFollowTheLastOneAMillisecondApart()
    {
        var scenario = new CallScenario { Name = "t", Steps = [new ScenarioStep(StepKind.Report, T0)] };

        var lines = ScenarioComposer.Compose(scenario);

        Assert.Equal([T0, T0.AddMilliseconds(1), T0.AddMilliseconds(2)], lines.Select(static l => l.Time));
        Assert.Equal(ScenarioActor.App, lines[0].Format.Actor);
        Assert.Equal(ScenarioActor.CallServices, lines[2].Format.Actor);
    }

    [Fact]
    public void EveryArgumentMatchesAFormatSpecifier()
    {
        foreach (var kind in Enum.GetValues<StepKind>())
        {
            var lines = ScenarioComposer.Compose(new CallScenario { Name = "t", Steps = [new ScenarioStep(kind, T0)] });
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                var specifiers = line.Format.Format.Replace("%%", string.Empty, StringComparison.Ordinal).Count(static c => c == '%');
                Assert.Equal(specifiers, line.Arguments.Count);
            }
        }
    }

    [Fact]
    public void TheWorkaroundStepIsTheConfigurationBeforeTheReport()
    {
        var lines = ScenarioComposer.Compose(new CallScenario
        {
            Name = "lab",
            Steps = [new ScenarioStep(StepKind.SetConfiguration, T0), new ScenarioStep(StepKind.Report, T0.AddMilliseconds(10))],
        });

        Assert.Equal("Provider %@ was notified that configuration was set to %@", lines[0].Format.Format);
        Assert.Equal("Received %s with configuration: %@", lines[1].Format.Format);
        Assert.Equal("Provider %@ was asked to report a new incoming call with UUID: %@ update: %@", lines[2].Format.Format);
    }
}
