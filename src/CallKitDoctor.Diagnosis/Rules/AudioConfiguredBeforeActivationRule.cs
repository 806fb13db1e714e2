using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Rules.Codes;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// <c>audio-configured-before-activation</c>: audio I/O was started before CallKit activated the session. Shown by
/// 'ent?' (1701737535, no session allowed: the I/O unit started with no active session) anywhere, or by an AURemoteIO
/// failure in a call before CallKit's first activation (and not after a deactivation, which is a restart).
/// </summary>
public sealed class AudioConfiguredBeforeActivationRule : DiagnosticRule
{
    public override void Analyze(RuleContext context)
    {
        foreach (var call in context.Calls)
        {
            var activation = CallMoments.CallKitActivation(call);
            var hits = call.Events.Where(e => IsMissingEntitlement(e) || IsEarlyIoFailure(context, call, e, activation)).ToList();
            Report(context, hits, call, activation);
        }

        Report(context, context.Unassigned.Where(IsMissingEntitlement).ToList(), null, null);
    }

    /// <summary>True for an 'ent?' (1701737535) failure.</summary>
    public static bool IsMissingEntitlement(CallEvent e)
    {
        if (e.StatusCode is { } status)
        {
            return status == OsStatusNames.MissingEntitlement;
        }

        if (e.Kind is not (EventKind.SetActiveFailed or EventKind.AudioIoFailed))
        {
            return false;
        }

        var message = e.Entry.EventMessage;
        return message.Contains("'ent?'", StringComparison.Ordinal) || message.Contains("1701737535", StringComparison.Ordinal);
    }

    private static bool IsEarlyIoFailure(RuleContext context, CallFlow call, CallEvent e, CallEvent? activation)
    {
        if (e.Kind != EventKind.AudioIoFailed || (activation is not null && context.Timeline.IsBefore(activation, e)))
        {
            return false;
        }

        return !context.EventsBefore(call, e).Any(ActivationSignals.IsDeactivation);
    }

    private static void Report(RuleContext context, List<CallEvent> hits, CallFlow? call, CallEvent? activation)
    {
        if (hits.Count == 0)
        {
            return;
        }

        var first = hits[0];
        var code = first.StatusCode is { } status ? OsStatusNames.Describe(status)
            : IsMissingEntitlement(first) ? OsStatusNames.Describe(OsStatusNames.MissingEntitlement) : "an error";
        var when = activation is null
            ? "before CallKit activated the audio session (no activation is logged before it)"
            : $"before CallKit activated the audio session at {RuleContext.When(activation)}";
        context.Report(FindingDescriptors.AudioConfiguredBeforeActivation,
            $"Audio I/O was started at {RuleContext.When(first)} {when}" + (call is null ? "" : $" in call #{call.Index}") +
            $" and failed with {code}.",
            hits.Select(e => RuleContext.Cite(e, "audio I/O start failed")), call);
    }
}
