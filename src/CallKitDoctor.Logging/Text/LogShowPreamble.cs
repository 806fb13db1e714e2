namespace CallKitDoctor.Logging.Text;

/// <summary>
/// The lines <c>log show</c> prints around entries in its text styles: the filter and skip notices, the column header
/// and the footer summary (<c>----</c>, <c>Log      - Default: …</c>, <c>Activity - Create: …</c>).
/// </summary>
internal static class LogShowPreamble
{
    /// <summary>True for a notice, header or footer line.</summary>
    public static bool IsFrameLine(ReadOnlySpan<char> line) =>
        line.StartsWith("Timestamp ", StringComparison.Ordinal) ||
        line.StartsWith("Filtering the log data", StringComparison.Ordinal) ||
        line.StartsWith("Skipping info and debug messages", StringComparison.Ordinal) ||
        line.StartsWith("Log      -", StringComparison.Ordinal) ||
        line.StartsWith("Activity -", StringComparison.Ordinal) ||
        line.StartsWith("Signpost -", StringComparison.Ordinal) ||
        (line.Length >= 8 && line.TrimEnd().TrimStart('-').IsEmpty);
}
