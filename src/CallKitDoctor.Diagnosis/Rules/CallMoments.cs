using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// Finds the moments of a call that rules measure from: when it was answered (or started) and when CallKit first
/// activated its audio. Redacted action descriptions (<c>Asking delegate to perform action &lt;private&gt;</c>) do not
/// name the action: for an incoming call the first unnamed action after the report is taken as the answer.
/// </summary>
public static class CallMoments
{
    /// <summary>
    /// The answer (incoming) or start (outgoing) of the call: <c>First</c> is the earliest line of it, <c>Anchor</c>
    /// the line the activation delay is measured from (the fulfilment when logged). Null when the call was never
    /// answered or started in the log.
    /// </summary>
    public static (CallEvent First, CallEvent Anchor, bool Inferred)? AnswerOrStart(CallFlow call)
    {
        // The lines that name the answer or start, walked in place (the rules ask this of every call).
        var events = call.Events;
        var outgoing = call.Direction == CallDirection.Outgoing;
        CallEvent? first = null;
        CallEvent? lastNamed = null;
        CallEvent? lastCompleted = null;
        foreach (var e in events)
        {
            if (!NamesAnswerOrStart(e, outgoing))
            {
                continue;
            }

            first ??= e;
            lastNamed = e;
            if (e.Kind == EventKind.ActionCompleted)
            {
                lastCompleted = e;
            }
        }

        if (first is not null)
        {
            return (first, lastCompleted ?? lastNamed!, false);
        }

        if (call.Direction != CallDirection.Incoming || call.Opening is not { } opening)
        {
            return null;
        }

        // Redacted actions: the first action after the report, unless it is the end of the call.
        var openingIndex = events.IndexOf(opening);
        var start = -1;
        for (var i = openingIndex + 1; i < events.Count; i++)
        {
            if (IsUnnamedAction(events[i]))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return null;
        }

        var firstAction = events[start];
        if (call.Ending is { } ending && events.IndexOf(ending) < start)
        {
            return null;
        }

        // The run of unnamed actions from there: its last fulfilment, else its last line.
        CallEvent? completed = null;
        var last = firstAction;
        for (var i = start; i < events.Count && IsUnnamedAction(events[i]); i++)
        {
            last = events[i];
            if (last.Kind == EventKind.ActionCompleted)
            {
                completed = last;
            }
        }

        return (firstAction, completed ?? last, true);
    }

    /// <summary>The first CallKit activation of the call after <paramref name="after"/> (or anywhere when null).</summary>
    public static CallEvent? CallKitActivation(CallFlow call, CallEvent? after = null)
    {
        var events = call.Events;
        for (var i = after is null ? 0 : events.IndexOf(after) + 1; i < events.Count; i++)
        {
            if (ActivationSignals.IsCallKitActivation(events[i]))
            {
                return events[i];
            }
        }

        return null;
    }

    private static bool NamesAnswerOrStart(CallEvent e, bool outgoing) =>
        (e.Kind is EventKind.ActionPerformed or EventKind.ActionCompleted && e.Action is CallActionType.Answer or CallActionType.Start) ||
        (outgoing && e.Kind == EventKind.OutgoingCallStarted);

    private static bool IsUnnamedAction(CallEvent e) =>
        e.Kind is EventKind.ActionPerformed or EventKind.ActionCompleted && e.Action is null or CallActionType.Unknown;

    /// <summary>True when the call's answer/start or any action of it failed (by the app, the system or a timeout).</summary>
    public static CallEvent? FailedAction(CallFlow call) =>
        call.Events.Find(e => e.Kind is EventKind.ActionFailed or EventKind.ActionTimedOut &&
            e.Action is null or CallActionType.Unknown or CallActionType.Answer or CallActionType.Start);
}
