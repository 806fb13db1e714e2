using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

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
        foreach (var group in events.Where(e => e.Kind == EventKind.TransactionError).GroupBy(e => e.ErrorCode))
        {
            var first = group.First();
            var code = first.ErrorCode is { } c ? CodeText.CallKitError(c, group.FirstOrDefault(e => e.ErrorDomain is not null)?.ErrorDomain) : "an error whose code the line does not show";
            var named = group.FirstOrDefault(e => e.Action is not null and not CallActionType.Unknown)?.Action;
            var action = named switch
            {
                CallActionType.Start => "The start-call request (CXStartCallAction)",
                CallActionType.Answer => "The answer request (CXAnswerCallAction)",
                CallActionType.End => "The end-call request (CXEndCallAction)",
                CallActionType.SetHeld => "The hold request (CXSetHeldCallAction)",
                { } other => $"The {other} request",
                null => "A CallKit request",
            };
            context.Report(FindingDescriptors.TransactionError,
                $"{action} failed at {RuleContext.When(first)} with {code}" + (call is null ? "" : $" during call #{call.Index}") + ".",
                group.Select(e => RuleContext.Cite(e, "transaction failed")), call);
        }
    }
}
