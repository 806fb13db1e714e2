namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// One diagnosis rule: reads the rebuilt calls, the timeline and the log's coverage from the context and reports
/// findings through it. Rules never throw for odd input and never report what the log cannot show: they report a
/// coverage gap instead.
/// </summary>
/// <remarks>
/// A streaming diagnosis runs every rule once per episode, over that episode's calls and timeline with
/// <see cref="RuleContext.Unassigned"/> empty, and once at the end over every event tied to no call with no calls at
/// all. So a rule reads calls only through <see cref="RuleContext.Calls"/> (and what they point to), reports log-level
/// findings only from <see cref="RuleContext.Unassigned"/>, and takes whole-log facts from the context
/// (<see cref="RuleContext.CallKitFrameworkVisible"/>, <see cref="RuleContext.ActivationObservable"/>,
/// <see cref="RuleContext.PrecedingCall"/>, <see cref="RuleContext.Coverage"/>), never from the timeline's extent.
/// </remarks>
public abstract class DiagnosticRule
{
    /// <summary>Runs the rule over one log.</summary>
    public abstract void Analyze(RuleContext context);
}
