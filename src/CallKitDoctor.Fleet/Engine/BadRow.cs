namespace CallKitDoctor.Fleet.Engine;

/// <summary>
/// A row that could not be used, and why. <see cref="Line"/> is the CSV record number counting the header as 1 (the
/// physical line unless a quoted field spans lines), the JSON Lines line, or the Parquet row number from 1.
/// </summary>
public sealed record BadRow(long Line, long? ByteOffset, string Reason);
