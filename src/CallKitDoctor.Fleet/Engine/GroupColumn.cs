namespace CallKitDoctor.Fleet.Engine;

/// <summary>
/// A grouping dimension: its name in the output, the SQL expression computing it (as text) over the aggregated cube,
/// and the telemetry columns the cube must keep for it (none for one derived from the day).
/// </summary>
public sealed record GroupColumn(string Name, string Expression, IReadOnlyList<string> Sources);
