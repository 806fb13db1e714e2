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

        // Redacted actions: the first action after the report, unless it is the end of the call.
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

    /// <summary>The first CallKit activation of the call after <paramref name="after"/> (or anywhere when null).</summary>
    public static CallEvent? CallKitActivation(CallFlow call, CallEvent? after = null)
    {
        var start = after is null ? 0 : call.Events.IndexOf(after) + 1;
        return call.Events.Skip(start).FirstOrDefault(ActivationSignals.IsCallKitActivation);
    }

    /// <summary>True when the call's answer/start or any action of it failed (by the app, the system or a timeout).</summary>
    public static CallEvent? FailedAction(CallFlow call) =>
        call.Events.Find(e => e.Kind is EventKind.ActionFailed or EventKind.ActionTimedOut &&
            e.Action is null or CallActionType.Unknown or CallActionType.Answer or CallActionType.Start);
}
