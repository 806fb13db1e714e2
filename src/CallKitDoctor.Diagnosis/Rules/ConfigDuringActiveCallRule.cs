using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// <c>config-during-active-call</c>: the app called setConfiguration while another of its calls was active (reported,
/// not ended, and still showing activity afterwards). DTS: there is no reason to, and it can trigger providerDidReset.
/// </summary>
public sealed class ConfigDuringActiveCallRule : DiagnosticRule
{
    public override void Analyze(RuleContext context)
    {
        foreach (var configuration in context.Timeline.Events.Where(e => e.Kind == EventKind.ConfigurationSet))
        {
            var owner = context.Calls.FirstOrDefault(c => c.Events.Contains(configuration));
            if (context.ActiveCallAt(configuration, owner) is not { } active || active.Opening is null)
            {
                continue;
            }

            var target = owner ?? active;
            context.Report(FindingDescriptors.ConfigDuringActiveCall,
                $"The app called setConfiguration at {RuleContext.When(configuration)} while call #{active.Index} " +
                $"(reported at {RuleContext.When(active.Opening)}) was still active.",
                [RuleContext.Cite(active.Opening, $"call #{active.Index} reported"), RuleContext.Cite(configuration, "setConfiguration during the call")],
                target);
        }
    }
}
