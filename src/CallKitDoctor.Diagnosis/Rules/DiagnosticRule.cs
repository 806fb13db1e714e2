namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// One diagnosis rule: reads the rebuilt calls, the timeline and the log's coverage from the context and reports
/// findings through it. Rules never throw for odd input and never report what the log cannot show: they report a
/// coverage gap instead.
/// </summary>
public abstract class DiagnosticRule
{
    /// <summary>Runs the rule over one log.</summary>
    public abstract void Analyze(RuleContext context);
}
