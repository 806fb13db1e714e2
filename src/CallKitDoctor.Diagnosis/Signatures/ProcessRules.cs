using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>Whether a signature's line can come from an entry's process and subsystem, and which actor logged it.</summary>
public static class ProcessRules
{
    /// <summary>The CallKit daemon.</summary>
    public const string CallServices = "callservicesd";

    /// <summary>True for the audio server (audiomxd on iOS 17+, mediaserverd before).</summary>
    public static bool IsAudioServer(string process) =>
        process.Equals("audiomxd", StringComparison.OrdinalIgnoreCase) || process.Equals("mediaserverd", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a system daemon whose lines are never the app's own.</summary>
    public static bool IsDaemon(string process) =>
        process.Equals(CallServices, StringComparison.OrdinalIgnoreCase) || IsAudioServer(process);

    /// <summary>
    /// False when the entry names a process or subsystem the signature cannot come from; unknown process or subsystem
    /// (bare lines, Xcode consoles) are accepted.
    /// </summary>
    public static bool IsPlausible(Signature signature, LogEntry entry) => IsPlausible(signature, entry.Process, entry.Subsystem);

    /// <summary>
    /// False when the process or subsystem is one the signature cannot come from; null or empty ones are accepted.
    /// </summary>
    public static bool IsPlausible(Signature signature, string? process, string? subsystem)
    {
        if (signature.Subsystem is not null && !string.IsNullOrEmpty(subsystem)
            && !signature.Subsystem.Equals(subsystem, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.IsNullOrEmpty(process))
        {
            return true;
        }

        if (signature.Processes.Count > 0)
        {
            foreach (var allowed in signature.Processes)
            {
                if (allowed.Equals(process, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        if (signature.ActorFromProcess)
        {
            return true;
        }

        return signature.Actor switch
        {
            EventActor.CallServices => process.Equals(CallServices, StringComparison.OrdinalIgnoreCase),
            EventActor.AudioServer => IsAudioServer(process),
            EventActor.App => !IsDaemon(process),
            _ => true,
        };
    }

    /// <summary>The actor of a matched line: the signature's, or for client-library signatures the one the process implies.</summary>
    public static EventActor ActorOf(Signature signature, LogEntry entry)
    {
        if (!signature.ActorFromProcess || string.IsNullOrEmpty(entry.Process))
        {
            return signature.Actor;
        }

        var process = entry.Process;
        if (process.Equals(CallServices, StringComparison.OrdinalIgnoreCase))
        {
            return EventActor.CallServices;
        }

        return IsAudioServer(process) ? EventActor.AudioServer : EventActor.App;
    }
}
