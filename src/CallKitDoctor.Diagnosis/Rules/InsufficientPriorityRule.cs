using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Rules.Codes;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary><c>insufficient-priority</c>: an activation or audio I/O start refused with '!pri' (561017449) or -12983.</summary>
public sealed class InsufficientPriorityRule : DiagnosticRule
{
    public override void Analyze(RuleContext context)
    {
        foreach (var call in context.Calls)
        {
            Check(context, call.Events, call);
        }

        Check(context, context.Unassigned, null);
    }

    /// <summary>True when the event carries an insufficient-priority status (captured, or plainly written in the line).</summary>
    public static bool IsInsufficientPriority(CallEvent e)
    {
        if (e.StatusCode is { } status)
        {
            return OsStatusNames.IsInsufficientPriority(status);
        }

        if (e.Kind is not (EventKind.SetActiveFailed or EventKind.AudioIoFailed))
        {
            return false;
        }

        var message = e.Entry.EventMessage;
        return message.Contains("561017449", StringComparison.Ordinal) || message.Contains("'!pri'", StringComparison.Ordinal) ||
            message.Contains("-12983", StringComparison.Ordinal);
    }

    private static void Check(RuleContext context, IEnumerable<CallEvent> events, CallFlow? call)
    {
        var hits = events.Where(IsInsufficientPriority).ToList();
        if (hits.Count == 0)
        {
            return;
        }

        var first = hits[0];
        var what = first.Kind == EventKind.AudioIoFailed ? "Audio I/O failed to start" : "An audio session activation was refused";
        var code = OsStatusNames.Describe(first.StatusCode ?? OsStatusNames.InsufficientPriority);
        context.Report(FindingDescriptors.InsufficientPriority,
            $"{what} with {code} at {RuleContext.When(first)}" + (call is null ? "" : $" during call #{call.Index}") +
            (hits.Count > 1 ? $"; {hits.Count} such failures in all." : "."),
            hits.Select(e => RuleContext.Cite(e, "insufficient priority")), call);
    }
}
