using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Tests.Diagnoser;

/// <summary>A matcher that recognises exactly the entries a scenario prepared.</summary>
internal sealed class PreparedMatcher(IReadOnlyDictionary<LogEntry, CallEvent> events) : ICallEventMatcher
{
    public CallEvent? Match(LogEntry entry) => events.TryGetValue(entry, out var e) ? e : null;
}
