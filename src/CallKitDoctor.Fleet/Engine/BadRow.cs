namespace CallKitDoctor.Fleet.Engine;

/// <summary>
/// A row that could not be used, and why. <see cref="Line"/> is the CSV record number counting the header as 1 (the
/// physical line unless a quoted field spans lines; <see cref="ByteOffset"/> is then the 0-based offset of the record
/// in the file), the JSON Lines line, or the Parquet row number from 1. For
/// diagnosis inputs <see cref="Source"/> names the file: <see cref="Line"/> is then the JSON line of a malformed
/// report (with <see cref="ByteOffset"/> the byte in that line), the call's index for a call without an outcome, or 0
/// when the file as a whole could not be read.
/// </summary>
public sealed record BadRow(long Line, long? ByteOffset, string Reason, string? Source = null)
{
    /// <summary><c>line 5: reason</c>, or with a file <c>x.json line 2, byte 14: reason</c> (<c>x.json: reason</c> without a line).</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"line {Line}" + (Source is not null && ByteOffset is { } b ? $", byte {b}" : "") : "";
        var prefix = Source is null ? where : where.Length == 0 ? Source : $"{Source} {where}";
        return prefix.Length == 0 ? Reason : $"{prefix}: {Reason}";
    }
}
