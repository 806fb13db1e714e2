namespace CallKitDoctor.Fleet.Telemetry;

/// <summary>The telemetry file layouts the engine reads in place.</summary>
public enum TelemetryFormat
{
    Csv,
    JsonLines,
    Parquet,

    /// <summary>Calls from diagnoses: <c>diagnose --format json</c> reports, or logs and sysdiagnoses diagnosed here.</summary>
    Diagnoses,
}
