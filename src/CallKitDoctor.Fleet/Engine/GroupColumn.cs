namespace CallKitDoctor.Fleet.Engine;

/// <summary>A grouping dimension: its name in the output and the SQL expression computing it (as text).</summary>
public sealed record GroupColumn(string Name, string Expression);
