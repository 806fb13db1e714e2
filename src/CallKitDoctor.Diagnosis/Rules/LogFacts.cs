using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// Whole-log facts that rules read about a call but that any line of the log may settle: whether the capture shows
/// CallKit framework lines at all, and whether it could show CallKit's audio activation. Both only ever turn true,
/// so they are gathered event by event while the log streams; once both are true they are settled for every episode.
/// </summary>
public sealed class LogFacts
{
    /// <summary>See <see cref="RuleContext.CallKitFrameworkVisible"/>.</summary>
    public bool CallKitFrameworkVisible { get; private set; }

    /// <summary>See <see cref="RuleContext.ActivationObservable"/>.</summary>
    public bool ActivationObservable { get; private set; }

    /// <summary>True when no later line can change either fact.</summary>
    public bool Settled => CallKitFrameworkVisible && ActivationObservable;

    /// <summary>The facts of a whole list of events.</summary>
    public static LogFacts Of(IEnumerable<CallEvent> events)
    {
        var facts = new LogFacts();
        foreach (var e in events)
        {
            facts.Observe(e);
            if (facts.Settled)
            {
                break;
            }
        }

        return facts;
    }

    /// <summary>Takes one recognised event into account.</summary>
    public void Observe(CallEvent e)
    {
        if (!CallKitFrameworkVisible && ShowsCallKitFramework(e))
        {
            CallKitFrameworkVisible = true;
        }

        if (!ActivationObservable && ShowsActivationState(e))
        {
            ActivationObservable = true;
        }
    }

    /// <summary>A CallKit framework line (not an app's own wording) from the app's CXProvider or from callservicesd.</summary>
    private static bool ShowsCallKitFramework(CallEvent e) =>
        e.Confidence != MatchConfidence.Heuristic && e.Actor is EventActor.App or EventActor.CallServices;

    /// <summary>An activation-state line, or a CallKit framework line whose subsystem is CallKit's (or not shown).</summary>
    private static bool ShowsActivationState(CallEvent e) =>
        e.Kind is EventKind.DidActivateDelivered or EventKind.DidDeactivateDelivered ||
        (ShowsCallKitFramework(e) &&
            (e.Entry.Subsystem is null || e.Entry.Subsystem.Contains("callkit", StringComparison.OrdinalIgnoreCase)));
}
