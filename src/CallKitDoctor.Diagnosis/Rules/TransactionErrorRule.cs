using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Rules.Codes;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary><c>transaction-error</c>: a CallKit request failed with a CXErrorCode (named, e.g. maximumCallGroupsReached (7)).</summary>
public sealed class TransactionErrorRule : DiagnosticRule
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
        // One finding per distinct error; repeated lines of the same error are its evidence.
        foreach (var group in events.Where(e => e.Kind == EventKind.TransactionError).GroupBy(e => (e.ErrorCode, e.Action)))
        {
            var first = group.First();
            var code = first.ErrorCode is { } c ? CallKitErrorNames.Describe(c, first.ErrorDomain) : "an error whose code the line does not show";
            var action = first.Action is { } a and not CallActionType.Unknown ? $"The {a} request" : "A CallKit request";
            context.Report(FindingDescriptors.TransactionError,
                $"{action} failed at {RuleContext.When(first)} with {code}" + (call is null ? "" : $" during call #{call.Index}") + ".",
                group.Select(e => RuleContext.Cite(e, "transaction failed")), call);
        }
    }
}
