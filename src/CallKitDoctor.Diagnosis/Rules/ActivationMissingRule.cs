using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// <c>activation-missing</c>: the call was answered (or started) and the log covers the activation window after it,
/// but nothing shows CallKit activating the audio session. A timed-out answer is reported whatever the coverage
/// (CallKit will never activate it); a call that ended inside the window is left alone.
/// </summary>
public sealed class ActivationMissingRule : DiagnosticRule
{
    public override void Analyze(RuleContext context)
    {
        foreach (var call in context.Calls)
        {
            Check(context, call);
        }
    }

    private static void Check(RuleContext context, CallFlow call)
    {
        if (CallMoments.AnswerOrStart(call) is not { } moment)
        {
            return;
        }

        var (first, anchor, inferred) = moment;
        if (CallMoments.CallKitActivation(call, first) is not null)
        {
            return;
        }

        var verb = call.Direction == CallDirection.Outgoing ? "started" : "answered";
        var evidence = new List<Evidence>
        {
            RuleContext.Cite(first, inferred ? "first action after the report (redacted; probably the answer)" : $"call {verb}"),
        };
        if (!ReferenceEquals(anchor, first))
        {
            evidence.Add(RuleContext.Cite(anchor, "action fulfilled"));
        }

        if (call.Events.Find(e => e.Kind == EventKind.ActionTimedOut) is { } timeout)
        {
            evidence.Add(RuleContext.Cite(timeout, "action timed out"));
            context.Report(FindingDescriptors.ActivationMissing,
                $"Call #{call.Index} was {verb} at {RuleContext.When(first)} but the action timed out at {RuleContext.When(timeout)}: " +
                "the app never fulfilled it, so CallKit never activated the audio session.",
                evidence, call);
            return;
        }

        if (CallMoments.FailedAction(call) is not null)
        {
            return;
        }

        if (!context.ActivationObservable)
        {
            context.ReportCoverageGap(call,
                $"Call #{call.Index} was {verb} at {RuleContext.When(first)}, but the log has neither callservicesd nor CallKit lines " +
                "nor the app's didActivate/didDeactivate logging, so it cannot show whether CallKit activated the audio session.",
                evidence);
            return;
        }

        var window = context.Options.ActivationWindow;
        if (context.EndedWithin(call, anchor, window))
        {
            return;
        }

        if (context.WhyNotCoveredAfter(anchor, window) is { } reason)
        {
            context.ReportCoverageGap(call,
                $"No CallKit audio activation is logged after call #{call.Index} was {verb} at {RuleContext.When(first)}, but {reason}.",
                evidence);
            return;
        }

        evidence.AddRange(call.Events.Where(e => e.Kind == EventKind.ProxySessionFailed).Select(e => RuleContext.Cite(e, "proxy session failed")));
        var until = call.Ending is { } end ? $"until the call ended at {RuleContext.When(end)}" : "for the rest of the log";
        context.Report(FindingDescriptors.ActivationMissing,
            $"Call #{call.Index} was {verb} at {RuleContext.When(first)}, but CallKit never activated its audio session " +
            $"(no \"with active: 1\" and no didActivate {until}).",
            evidence, call);
    }
}
