using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// Gives each call its verdict from its events and the findings the rules reported: CallKit's activation means
/// <c>audio-activated</c>; a failed CallKit activation with the app's own successful activation is
/// <c>activation-masked</c>; a failure alone is <c>activation-failed</c>; a push with no report is
/// <c>no-call-reported</c>; anything the log cannot settle is <c>unknown</c>.
/// </summary>
public static class VerdictAssigner
{
    /// <summary>Sets <see cref="CallFlow.Verdict"/> and <see cref="CallFlow.VerdictReason"/> on every call.</summary>
    public static void Assign(RuleContext context)
    {
        foreach (var call in context.Calls)
        {
            (call.Verdict, call.VerdictReason) = Decide(context, call);
        }
    }

    private static (CallVerdict, string) Decide(RuleContext context, CallFlow call)
    {
        if (PushNotReportedRule.IsUnreportedPush(call))
        {
            return call.HasFinding(FindingDescriptors.PushNotReported.Id)
                ? (CallVerdict.NoCallReported, "A VoIP push reached the app but no call was reported to CallKit for it.")
                : (CallVerdict.Unknown, "A VoIP push reached the app; the log does not show whether a call was reported for it.");
        }

        var callKit = CallMoments.CallKitActivation(call);
        if (callKit is not null)
        {
            return (CallVerdict.AudioActivated, $"CallKit activated the audio session at {RuleContext.When(callKit)}.");
        }

        var failure = FailureOf(call);
        var own = call.Events.Find(ActivationSignals.IsAppActivationSuccess);
        if (failure is not null && own is not null)
        {
            return (CallVerdict.ActivationMasked,
                $"CallKit's activation failed ({failure}), but the app's own activation at {RuleContext.When(own)} made audio work and hides the failure.");
        }

        if (failure is not null)
        {
            return (CallVerdict.ActivationFailed, $"CallKit never activated the audio session ({failure}).");
        }

        if (own is not null)
        {
            return (CallVerdict.Unknown,
                $"The app activated the audio session itself at {RuleContext.When(own)}; the log does not show whether CallKit's activation would have come.");
        }

        return (CallVerdict.Unknown, UnknownReason(call));
    }

    /// <summary>What shows that CallKit's activation failed, or null.</summary>
    private static string? FailureOf(CallFlow call)
    {
        if (call.HasFinding(FindingDescriptors.SessionIdZero.Id))
        {
            return "session lookup failed for session ID 0x0";
        }

        if (call.Has(EventKind.ProxySessionFailed))
        {
            return "callservicesd could not create the proxy audio session";
        }

        if (call.Has(EventKind.ActionTimedOut))
        {
            return "the answer or start action timed out";
        }

        if (call.HasFinding(FindingDescriptors.ActivationMissing.Id))
        {
            return "no activation after the call was answered or started";
        }

        if (call.HasFinding(FindingDescriptors.HoldResumeNoActivation.Id))
        {
            return "no re-activation after the hold or interruption";
        }

        return null;
    }

    private static string UnknownReason(CallFlow call)
    {
        if (call.Findings.Exists(f => f.Id == FindingDescriptors.LogCoverageGap.Id &&
                f.Message.Contains("activation", StringComparison.OrdinalIgnoreCase)))
        {
            return "The log does not cover the moment CallKit's audio activation was due.";
        }

        if (CallMoments.AnswerOrStart(call) is null)
        {
            return call.Ending is null
                ? "The call was not answered or started within the log, so no audio activation was due yet."
                : "The call ended without being answered or started, so no audio activation was due.";
        }

        if (CallMoments.FailedAction(call) is not null)
        {
            return "The call's action failed, so CallKit had no audio to activate.";
        }

        return "The call ended before CallKit's audio activation was due, or the log does not show it.";
    }
}
