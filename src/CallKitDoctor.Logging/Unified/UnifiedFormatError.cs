using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// A problem in a unified-log file (tracev3, uuidtext, dsc, timesync): which file, the byte offset of the bad
/// structure, and what was wrong. Readers record these and go on; they never throw for bad input.
/// </summary>
public sealed record UnifiedFormatError(UnifiedErrorKind Kind, string File, long ByteOffset, string Message)
{
    /// <summary>The same problem as a reading issue for <see cref="LogReadSummary"/>.</summary>
    public LogReadIssue ToIssue() => new(LogReadIssueSeverity.Error, File, $"{Kind}: {Message}", 0, ByteOffset);

    public override string ToString() => $"{File} at byte {ByteOffset} (0x{ByteOffset:x}): {Kind}: {Message}";
}
