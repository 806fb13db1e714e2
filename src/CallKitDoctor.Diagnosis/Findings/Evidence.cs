using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Findings;

/// <summary>
/// One input line (or entry) that supports a finding: where it is, its exact text, and why it is cited.
/// </summary>
public sealed record Evidence(
    InputLocation Location,
    LogTimestamp? Timestamp,
    string? Process,
    string Text,
    string? Note = null)
{
    /// <summary>Cites a log entry with its exact input text.</summary>
    public static Evidence From(LogEntry entry, string? note = null) =>
        new(entry.Location, entry.Timestamp, entry.Process, entry.RawText ?? entry.ToString(), note);
}
