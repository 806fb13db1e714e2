using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary><c>provider-reset</c>: providerDidReset, or the provider's XPC connection to callservicesd interrupted.</summary>
public sealed class ProviderResetRule : DiagnosticRule
{
    public override void Analyze(RuleContext context)
    {
        foreach (var call in context.Calls)
        {
            Check(context, call.Events, call);
        }

        Check(context, context.Unassigned, null);
    }

    private static void Check(RuleContext context, IEnumerable<CallEvent> events, CallFlow? call)
    {
        var resets = events.Where(e => e.Kind == EventKind.ProviderReset).ToList();
        if (resets.Count == 0)
        {
            return;
        }

        var span = resets.Count > 1 && resets[0].Timestamp is not null && resets[^1].Timestamp is not null
            ? $" between {RuleContext.When(resets[0])} and {RuleContext.When(resets[^1])}"
            : $" at {RuleContext.When(resets[0])}";
        var media = events.Where(e => e.Kind == EventKind.MediaServicesReset).Take(2);
        context.Report(FindingDescriptors.ProviderReset,
            $"CallKit reset the provider {(resets.Count == 1 ? "once" : $"{resets.Count} times")}{span}" +
            (call is null ? "" : $", ending call #{call.Index}") + ": the connection to callservicesd was lost.",
            resets.Concat(media).Select(e => RuleContext.Cite(e, e.Kind == EventKind.ProviderReset ? "provider reset" : "media services reset")),
            call);
    }
}
