namespace CallKitDoctor.Fleet.Telemetry;

/// <summary>How a telemetry column is typed when the file is loaded; everything else is read as text.</summary>
public enum TelemetryColumnType
{
    Text,
    Boolean,
    Timestamp,
    Number,
}
