using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Events;

/// <summary>
/// Recognises log entries that matter to a call's flow. The production implementation is the signature catalog
/// matcher; tests may supply their own. The diagnoser may call it from a worker thread (one at a time, in log order;
/// see <see cref="DiagnosisOptions.ReadAhead"/>), while its own thread reads the events already returned.
/// </summary>
public interface ICallEventMatcher
{
    /// <summary>The event the entry stands for, or null when it is not a call event. Must not throw for any entry.</summary>
    CallEvent? Match(LogEntry entry);
}
