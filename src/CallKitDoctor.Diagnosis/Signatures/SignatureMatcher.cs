using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// Matches entries against the signature catalog (placeholder until the catalog lands: matches nothing).
/// </summary>
public sealed class SignatureMatcher : ICallEventMatcher
{
    /// <summary>The matcher over the catalog embedded in this assembly.</summary>
    public static SignatureMatcher Default { get; } = new();

    public CallEvent? Match(LogEntry entry) => null;
}
