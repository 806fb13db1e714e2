namespace CallKitDoctor.Fleet.Telemetry;

/// <summary>One documented column of the call telemetry schema (see docs/fleet-telemetry.md).</summary>
public sealed record TelemetryColumn(string Name, TelemetryColumnType Type, string Description);
