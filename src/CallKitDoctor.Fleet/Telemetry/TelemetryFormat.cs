namespace CallKitDoctor.Fleet.Telemetry;

/// <summary>The telemetry file layouts the engine reads in place.</summary>
public enum TelemetryFormat
{
    Csv,
    JsonLines,
    Parquet,
}
