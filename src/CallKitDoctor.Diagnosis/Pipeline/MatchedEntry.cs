using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Pipeline;

/// <summary>A log entry and the call event the matcher recognised in it (null for most entries).</summary>
internal readonly record struct MatchedEntry(LogEntry Entry, CallEvent? Event);
