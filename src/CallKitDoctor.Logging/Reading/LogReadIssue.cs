namespace CallKitDoctor.Logging.Reading;

/// <summary>How bad a reading problem is.</summary>
public enum LogReadIssueSeverity
{
    /// <summary>Something was skipped or guessed, but everything readable was read (an unparseable line).</summary>
    Warning,

    /// <summary>Part of the input could not be read (truncated or corrupt data); the rest was.</summary>
    Error,
}

/// <summary>
/// A problem met while reading input: which file, where (line or byte offset), and what. Readers never throw for
/// bad input; they yield every entry they can and record issues like this.
/// </summary>
public sealed record LogReadIssue(
    LogReadIssueSeverity Severity,
    string Source,
    string Message,
    long Line = 0,
    long ByteOffset = -1)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{Source}:{Line}" : ByteOffset >= 0 ? $"{Source} at byte {ByteOffset} (0x{ByteOffset:x})" : Source;
        return $"{Severity.ToString().ToLowerInvariant()}: {where}: {Message}";
    }
}
