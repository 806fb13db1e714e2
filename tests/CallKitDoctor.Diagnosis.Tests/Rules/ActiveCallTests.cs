using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Rules;
using CallKitDoctor.Diagnosis.Tests.Diagnoser;

namespace CallKitDoctor.Diagnosis.Tests.Rules;

public class ActiveCallTests
{
    [Fact]
    public void FindsTheLatestCallStillAliveAmongManyEndedOnes()
    {
        var uuid = Guid.NewGuid();
        var s = new Scenario().Report(0, uuid).Answer(1, uuid);
        for (var i = 0; i < 50; i++)
        {
            var t = 10 + (i * 10);
            s.Report(t).End(t + 5);
        }

        var probe = s.Add(600, EventKind.ConfigurationSet);
        var late = s.Add(700, EventKind.CallEnded, uuid: uuid);
        var flows = s.Flows();
        var context = new RuleContext(flows, new LogCoverage());

        Assert.Same(flows.Calls[0], context.ActiveCallAt(probe));
        Assert.Null(context.ActiveCallAt(probe, flows.Calls[0]));
        Assert.Null(context.ActiveCallAt(late));
        Assert.Same(flows.Calls[0], context.CallOf(late));
    }

    [Fact]
    public void ACallWhoseEndIsNotLoggedIsActiveOnlyWhileItShowsActivity()
    {
        var s = new Scenario().Report(0).Answer(1);
        var during = s.Add(2, EventKind.ConfigurationSet);
        s.Add(3, EventKind.SessionActivated, EventActor.AudioServer, controllingPid: 127);
        var after = s.Add(100, EventKind.ConfigurationSet);
        var flows = s.Flows();
        var context = new RuleContext(flows, new LogCoverage());

        Assert.NotNull(context.ActiveCallAt(during));
        Assert.Null(context.ActiveCallAt(after));
    }
}
