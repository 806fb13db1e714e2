using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Rules;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Tests.Rules;

/// <summary>
/// <see cref="CallMoments"/> and <see cref="RuleContext.EventsBefore"/>/<see cref="RuleContext.EventsAfter"/> walk a
/// call's events in place; on random calls (kinds, actions, directions, openings, endings, events shared with the
/// timeline in another order) they must give what the LINQ forms they replaced give (kept here as the reference).
/// </summary>
public class CallMomentsEquivalenceTests
{
    private static readonly EventKind[] Kinds =
    [
        EventKind.ActionPerformed, EventKind.ActionCompleted, EventKind.OutgoingCallStarted, EventKind.IncomingCallReported,
        EventKind.DidActivateDelivered, EventKind.SessionActivated, EventKind.ActionFailed, EventKind.PushReceived,
    ];

    private static readonly CallActionType?[] Actions =
        [null, CallActionType.Unknown, CallActionType.Answer, CallActionType.Start, CallActionType.End, CallActionType.SetHeld];

    [Fact]
    public void AnswerOrStartAndCallKitActivationMatchTheLinqForms()
    {
        var random = new Random(20261126);
        var inferred = 0;
        var named = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var call = RandomCall(random, out _);
            var expected = ReferenceAnswerOrStart(call);
            var actual = CallMoments.AnswerOrStart(call);
            Assert.Equal(expected.HasValue, actual.HasValue);
            if (expected is { } e && actual is { } a)
            {
                Assert.Same(e.First, a.First);
                Assert.Same(e.Anchor, a.Anchor);
                Assert.Equal(e.Inferred, a.Inferred);
                inferred += a.Inferred ? 1 : 0;
                named += a.Inferred ? 0 : 1;
            }

            Assert.Same(ReferenceActivation(call, null), CallMoments.CallKitActivation(call));
            var after = call.Events.Count == 0 || random.Next(4) == 0 ? Stray() : call.Events[random.Next(call.Events.Count)];
            Assert.Same(ReferenceActivation(call, after), CallMoments.CallKitActivation(call, after));
        }

        Assert.True(inferred > 100 && named > 100, $"inferred {inferred}, named {named}");
    }

    [Fact]
    public void EventsBeforeAndAfterMatchTheLinqForms()
    {
        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var call = RandomCall(random, out var timeline);
            var context = new RuleContext(new FlowReconstruction(timeline, [call], []), new LogCoverage());
            var pivots = call.Events.Append(Stray()).ToList();
            foreach (var pivot in pivots)
            {
                var position = timeline.PositionOf(pivot);
                Assert.Equal(call.Events.Where(e => timeline.PositionOf(e) < position), context.EventsBefore(call, pivot));
                Assert.Equal(call.Events.Where(e => timeline.PositionOf(e) > position), context.EventsAfter(call, pivot));
            }
        }
    }

    private static (CallEvent First, CallEvent Anchor, bool Inferred)? ReferenceAnswerOrStart(CallFlow call)
    {
        var named = call.Events.Where(e =>
            e.Kind is EventKind.ActionPerformed or EventKind.ActionCompleted &&
            e.Action is CallActionType.Answer or CallActionType.Start).ToList();
        if (call.Direction == CallDirection.Outgoing)
        {
            named.AddRange(call.Events.Where(e => e.Kind == EventKind.OutgoingCallStarted));
        }

        if (named.Count > 0)
        {
            var first = call.Events.First(named.Contains);
            var anchor = named.LastOrDefault(e => e.Kind == EventKind.ActionCompleted) ?? call.Events.Last(named.Contains);
            return (first, anchor, false);
        }

        if (call.Direction != CallDirection.Incoming || call.Opening is not { } opening)
        {
            return null;
        }

        var openingIndex = call.Events.IndexOf(opening);
        var firstAction = call.Events.Skip(openingIndex + 1).FirstOrDefault(e =>
            e.Kind is EventKind.ActionPerformed or EventKind.ActionCompleted && e.Action is null or CallActionType.Unknown);
        if (firstAction is null || call.Ending is { } ending && call.Events.IndexOf(ending) < call.Events.IndexOf(firstAction))
        {
            return null;
        }

        var start = call.Events.IndexOf(firstAction);
        var group = call.Events.Skip(start).TakeWhile(e =>
            e.Kind is EventKind.ActionPerformed or EventKind.ActionCompleted && e.Action is null or CallActionType.Unknown).ToList();
        var completed = group.LastOrDefault(e => e.Kind == EventKind.ActionCompleted) ?? group[^1];
        return (firstAction, completed, true);
    }

    private static CallEvent? ReferenceActivation(CallFlow call, CallEvent? after)
    {
        var start = after is null ? 0 : call.Events.IndexOf(after) + 1;
        return call.Events.Skip(start).FirstOrDefault(ActivationSignals.IsCallKitActivation);
    }

    // A call of 0-11 random events; the timeline holds them (and some others) in a shuffled order.
    private static CallFlow RandomCall(Random random, out EventTimeline timeline)
    {
        var call = new CallFlow
        {
            Index = 1,
            Direction = (CallDirection)random.Next(Enum.GetValues<CallDirection>().Length),
        };
        var count = random.Next(12);
        for (var i = 0; i < count; i++)
        {
            call.Events.Add(Event(Kinds[random.Next(Kinds.Length)], Actions[random.Next(Actions.Length)], random));
        }

        if (count > 0 && random.Next(3) > 0)
        {
            call.Opening = call.Events[random.Next(count)];
        }
        else if (random.Next(4) == 0)
        {
            call.Opening = Stray();
        }

        if (count > 0 && random.Next(3) == 0)
        {
            call.Ending = call.Events[random.Next(count)];
        }

        var all = call.Events.Concat(Enumerable.Range(0, random.Next(3)).Select(_ => Stray())).OrderBy(_ => random.Next()).ToList();
        timeline = new EventTimeline(all);
        return call;
    }

    private static CallEvent Event(EventKind kind, CallActionType? action, Random random) => new()
    {
        Kind = kind,
        SignatureId = "test",
        Entry = new LogEntry("line"),
        Action = action,
        Active = random.Next(4) == 0 ? false : null,
        ControllingPid = random.Next(2) == 0 ? 42 : null,
    };

    private static CallEvent Stray() => new() { Kind = EventKind.PushReceived, SignatureId = "stray", Entry = new LogEntry("stray") };
}
