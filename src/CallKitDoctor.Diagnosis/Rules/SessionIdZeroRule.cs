using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// <c>session-id-zero</c>: callservicesd failed to create the proxy for the app's audio session with session ID 0x0
/// (callservicesd "Creating proxy session failed, session ID = 0x0", audiomxd "session lookup failure for SessionID 0x0").
/// </summary>
public sealed class SessionIdZeroRule : DiagnosticRule
{
    public override void Analyze(RuleContext context)
    {
        foreach (var call in context.Calls)
        {
            Check(context, call.Events, call);
        }

        Check(context, context.Unassigned, null);
    }

    /// <summary>True for a proxy-session failure that names session 0x0.</summary>
    public static bool IsSessionIdZero(CallEvent e) =>
        e.Kind == EventKind.ProxySessionFailed &&
        (e.SessionId == 0 || (e.SessionId is null && e.Entry.EventMessage.Contains(" 0x0", StringComparison.OrdinalIgnoreCase)));

    private static void Check(RuleContext context, IEnumerable<CallEvent> events, CallFlow? call)
    {
        var hits = events.Where(IsSessionIdZero).ToList();
        if (hits.Count == 0)
        {
            return;
        }

        var where = call is null ? "" : $" during call #{call.Index}";
        context.Report(FindingDescriptors.SessionIdZero,
            $"The audio session lookup failed for session ID 0x0{where} at {RuleContext.When(hits[0])}" +
            (hits.Count > 1 ? $" ({hits.Count} lines)" : "") +
            ": callservicesd could not find the app's audio session, so CallKit cannot activate it.",
            hits.Select(e => RuleContext.Cite(e, e.Actor == EventActor.AudioServer ? "audio server: session lookup failed" : "callservicesd: proxy session failed")),
            call);
    }
}
