using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// <c>app-activated-audio</c>: the app (or its SDK) activated the audio session itself: the app's AVAudioSession
/// "Activated session", an SDK's "Activating audio session", a setActive error, or the audio server activating the
/// app's session with no controlling process. When the activation succeeded after CallKit's failed (or never came),
/// while the call was in the foreground, the message says that it masks the failure.
/// </summary>
public sealed class AppActivatedAudioRule : DiagnosticRule
{
    public override void Analyze(RuleContext context)
    {
        foreach (var call in context.Calls)
        {
            CheckCall(context, call);
        }

        var orphans = context.Unassigned.Where(ActivationSignals.IsAppActivation).ToList();
        if (orphans.Count > 0)
        {
            context.Report(FindingDescriptors.AppActivatedAudio,
                $"The app activated (or tried to activate) its audio session itself at {RuleContext.When(orphans[0])}" +
                (orphans.Count > 1 ? $" and {orphans.Count - 1} more time(s)" : "") + ".",
                orphans.Select(e => RuleContext.Cite(e, Note(e))));
        }
    }

    private static void CheckCall(RuleContext context, CallFlow call)
    {
        var own = call.Events.Where(ActivationSignals.IsAppActivation).ToList();
        if (own.Count == 0)
        {
            return;
        }

        var first = own[0];
        var callKit = CallMoments.CallKitActivation(call);
        var success = own.Find(ActivationSignals.IsAppActivationSuccess);
        var evidence = own.Select(e => RuleContext.Cite(e, Note(e))).ToList();
        string message;
        if (success is not null && (callKit is null || context.Timeline.IsBefore(success, callKit)))
        {
            var foreground = context.EventsBefore(call, success).LastOrDefault(e => e.Kind == EventKind.EnteredForeground);
            if (foreground is not null)
            {
                evidence.Insert(0, RuleContext.Cite(foreground, "call entered the foreground"));
            }

            message = callKit is null
                ? $"The app activated its audio session itself at {RuleContext.When(success)}" +
                  (foreground is null ? "" : $", after the call entered the foreground at {RuleContext.When(foreground)}") +
                  ", and CallKit never activated it for call #" + call.Index +
                  ": the app's own activation makes audio work and masks CallKit's activation failure."
                : $"The app activated its audio session itself at {RuleContext.When(success)}, before CallKit activated it at " +
                  $"{RuleContext.When(callKit)} for call #{call.Index}.";
        }
        else
        {
            message = $"The app tried to activate its audio session itself at {RuleContext.When(first)} during call #{call.Index}" +
                (callKit is null ? "" : $" (CallKit activated it at {RuleContext.When(callKit)})") + ".";
        }

        context.Report(FindingDescriptors.AppActivatedAudio, message, evidence, call);
    }

    private static string Note(CallEvent e) =>
        ActivationSignals.IsAppActivationSuccess(e) ? "the app's own activation succeeded"
        : ActivationSignals.IsAppActivationFailure(e) ? "the app's own activation failed"
        : "the app activates the session";
}
