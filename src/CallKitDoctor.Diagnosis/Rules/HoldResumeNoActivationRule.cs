using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// <c>hold-resume-no-activation</c>: after a hold or an interruption CallKit took the session away, and then either
/// the call was taken off hold and CallKit never re-activated it, or the app tried to restart audio itself and was
/// refused with '!pri' (its call still held by CallKit). An app's own setActive refused with '!pri' outside any call
/// the log shows is read the same way: the call the app restarts audio for is still held.
/// </summary>
public sealed class HoldResumeNoActivationRule : DiagnosticRule
{
    public override void Analyze(RuleContext context)
    {
        foreach (var call in context.Calls)
        {
            if (!CheckUnhold(context, call))
            {
                CheckRestartWhileHeld(context, call);
            }
        }

        var orphans = context.Unassigned
            .Where(e => ActivationSignals.IsAppActivationFailure(e) && InsufficientPriorityRule.IsInsufficientPriority(e))
            .ToList();
        if (orphans.Count > 0)
        {
            var heldContext = context.Unassigned.Where(e => e.Kind is EventKind.HoldChanged || ActivationSignals.IsDeactivation(e));
            context.Report(FindingDescriptors.HoldResumeNoActivation,
                $"The app's own setActive was refused with insufficient priority at {RuleContext.When(orphans[0])}" +
                (orphans.Count > 1 ? $" ({orphans.Count} times)" : "") +
                " with no call being set up in the log: the app is restarting audio itself after an interruption while CallKit " +
                "still holds its call, instead of unholding the call and waiting for didActivate.",
                heldContext.Concat(orphans).Select(e => RuleContext.Cite(e, e.Kind == EventKind.SetActiveFailed ? "setActive refused" : null)));
        }
    }

    /// <summary>An unhold after CallKit deactivated the session, with no re-activation in the window after it.</summary>
    private static bool CheckUnhold(RuleContext context, CallFlow call)
    {
        foreach (var unhold in call.Events.Where(IsUnhold))
        {
            var before = context.EventsBefore(call, unhold).ToList();
            var hold = before.LastOrDefault(IsHold);
            var deactivation = before.LastOrDefault(ActivationSignals.IsDeactivation);
            var reactivation = before.LastOrDefault(ActivationSignals.IsCallKitActivation);
            if (deactivation is null || (reactivation is not null && context.Timeline.IsBefore(deactivation, reactivation)))
            {
                // The session was not taken away before the unhold: nothing needs re-activating.
                continue;
            }

            if (context.EventsAfter(call, unhold).Any(ActivationSignals.IsCallKitActivation))
            {
                continue;
            }

            var window = context.Options.ActivationWindow;
            var evidence = new List<Evidence>();
            if (hold is not null)
            {
                evidence.Add(RuleContext.Cite(hold, "call put on hold"));
            }

            evidence.Add(RuleContext.Cite(deactivation, "CallKit deactivated the session"));
            evidence.Add(RuleContext.Cite(unhold, "call taken off hold"));
            if (context.EndedWithin(call, unhold, window))
            {
                continue;
            }

            if (context.WhyNotCoveredAfter(unhold, window) is { } reason)
            {
                context.ReportCoverageGap(call, $"Call #{call.Index} was taken off hold at {RuleContext.When(unhold)} with no re-activation logged, but {reason}.", evidence);
                return true;
            }

            context.Report(FindingDescriptors.HoldResumeNoActivation,
                $"Call #{call.Index} was taken off hold at {RuleContext.When(unhold)} after CallKit deactivated its audio at " +
                $"{RuleContext.When(deactivation)}, and CallKit never re-activated the session.",
                evidence, call);
            return true;
        }

        return false;
    }

    /// <summary>The app's own activation refused with '!pri' while the call was held or after CallKit took the session away.</summary>
    private static void CheckRestartWhileHeld(RuleContext context, CallFlow call)
    {
        foreach (var failure in call.Events.Where(e =>
                     (ActivationSignals.IsAppActivationFailure(e) || e.Kind == EventKind.AudioIoFailed) && InsufficientPriorityRule.IsInsufficientPriority(e)))
        {
            var before = context.EventsBefore(call, failure).ToList();
            var lastHold = before.LastOrDefault(e => IsHold(e) || IsUnhold(e));
            var lastDeactivation = before.LastOrDefault(ActivationSignals.IsDeactivation);
            var lastActivation = before.LastOrDefault(ActivationSignals.IsCallKitActivation);
            var held = lastHold is not null && IsHold(lastHold);
            var interrupted = lastDeactivation is not null &&
                (lastActivation is null || context.Timeline.IsBefore(lastActivation, lastDeactivation)) &&
                before.Exists(ActivationSignals.IsCallKitActivation);
            if (!held && !interrupted)
            {
                continue;
            }

            var evidence = new List<Evidence>();
            if (held)
            {
                evidence.Add(RuleContext.Cite(lastHold!, "call put on hold"));
            }

            if (lastDeactivation is not null)
            {
                evidence.Add(RuleContext.Cite(lastDeactivation, "CallKit deactivated the session"));
            }

            evidence.Add(RuleContext.Cite(failure, "the app restarts audio itself and is refused"));
            context.Report(FindingDescriptors.HoldResumeNoActivation,
                $"Call #{call.Index} was " + (held ? "left on hold" : "interrupted (CallKit deactivated its audio)") +
                $", and the app tried to restart audio itself at {RuleContext.When(failure)} and was refused with insufficient " +
                "priority: CallKit re-activates the session only when the call is taken off hold.",
                evidence, call);
            return;
        }
    }

    private static bool IsHold(CallEvent e) => e.OnHold == true && IsHoldEvent(e);

    private static bool IsUnhold(CallEvent e) => e.OnHold == false && IsHoldEvent(e);

    private static bool IsHoldEvent(CallEvent e) =>
        e.Kind == EventKind.HoldChanged ||
        (e.Kind is EventKind.ActionPerformed or EventKind.ActionCompleted && e.Action == CallActionType.SetHeld);
}
