using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// <c>push-not-reported</c>: the app was killed (or is about to be) for not reporting a call after a VoIP push
/// (0xbaadca11, PushKit's "Killing app because it never posted an incoming call"), or a push was delivered and the log
/// covers the report window after it with no call reported.
/// </summary>
public sealed class PushNotReportedRule : DiagnosticRule
{
    public override void Analyze(RuleContext context)
    {
        foreach (var call in context.Calls)
        {
            Check(context, call);
        }

        var kills = context.Unassigned.Where(e => e.Kind == EventKind.PushNotReportedTermination).ToList();
        if (kills.Count > 0)
        {
            context.Report(FindingDescriptors.PushNotReported,
                $"The app was terminated for not reporting a call after a VoIP push (at {RuleContext.When(kills[0])}).",
                kills.Select(e => RuleContext.Cite(e, "termination for an unreported VoIP push")));
        }
    }

    /// <summary>True for a call made only of a push (received, launched, delivered) that never became a reported call.</summary>
    public static bool IsUnreportedPush(CallFlow call) =>
        call.Opening is null &&
        call.Events.Exists(e => e.Kind is EventKind.PushReceived or EventKind.AppLaunched or EventKind.VoipPayloadDelivered or EventKind.PushNotReportedTermination) &&
        !call.Events.Exists(e => e.Kind is EventKind.IncomingCallReported or EventKind.IncomingCallReceived or EventKind.OutgoingCallStarted ||
            ActivationSignals.IsAnswerOrStart(e));

    private static void Check(RuleContext context, CallFlow call)
    {
        var kills = call.Events.Where(e => e.Kind == EventKind.PushNotReportedTermination).ToList();
        var push = call.Events.Find(e => e.Kind is EventKind.PushReceived or EventKind.AppLaunched or EventKind.VoipPayloadDelivered);
        if (kills.Count > 0)
        {
            var evidence = new List<Evidence>();
            if (push is not null)
            {
                evidence.Add(RuleContext.Cite(push, "VoIP push"));
            }

            evidence.AddRange(kills.Select(e => RuleContext.Cite(e, "termination for an unreported VoIP push")));
            context.Report(FindingDescriptors.PushNotReported,
                (push is null ? "" : $"A VoIP push arrived at {RuleContext.When(push)} and ") +
                $"the app was terminated at {RuleContext.When(kills[0])} for not reporting a call for it.",
                evidence, call);
            return;
        }

        if (!IsUnreportedPush(call) || push is null)
        {
            return;
        }

        var window = context.Options.PushReportWindow;
        var pushEvidence = call.Events.Where(e => e.Kind is EventKind.PushReceived or EventKind.AppLaunched or EventKind.VoipPayloadDelivered)
            .Select(e => RuleContext.Cite(e, "VoIP push")).ToList();
        if (!context.CallKitFrameworkVisible)
        {
            context.ReportCoverageGap(call,
                $"A VoIP push arrived at {RuleContext.When(push)} and no report follows, but the log has no CallKit lines that would show one.",
                pushEvidence);
            return;
        }

        if (context.WhyNotCoveredAfter(push, window) is { } reason)
        {
            context.ReportCoverageGap(call, $"A VoIP push arrived at {RuleContext.When(push)} and no report is logged, but {reason}.", pushEvidence);
            return;
        }

        context.Report(FindingDescriptors.PushNotReported,
            $"A VoIP push arrived at {RuleContext.When(push)} and no call was reported to CallKit in the {RuleContext.Describe(window)} after it.",
            pushEvidence, call);
    }
}
