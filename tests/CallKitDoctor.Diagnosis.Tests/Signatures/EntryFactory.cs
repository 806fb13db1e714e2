using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

/// <summary>Builds entries the way readers would: rendered text, and optionally the os_log metadata.</summary>
internal static class EntryFactory
{
    public static LogEntry Rendered(string message, string? process = null) => new(message) { Process = process };

    /// <summary>An entry as an ndjson export or binary reader yields it: format string and subsystem set.</summary>
    public static LogEntry Exact(Signature signature, string message, string? process) => new(message)
    {
        Process = process,
        FormatString = signature.FormatString,
        Subsystem = signature.Subsystem,
        Category = signature.Category,
    };
}
