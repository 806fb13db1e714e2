using CallKitDoctor.Fleet.Telemetry;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>What loading a telemetry file found: rows read, rows used, bad rows (counted in full, listed up to a limit).</summary>
public sealed record LoadSummary(
    string Path,
    TelemetryFormat Format,
    long RowsRead,
    long RowsUsed,
    long BadRowCount,
    IReadOnlyList<BadRow> BadRows,
    IReadOnlyList<string> Columns)
{
    /// <summary>Facts about the inputs worth a line in every output (diagnosis inputs: how many were read).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
