namespace CallKitDoctor.Fleet.Output;

/// <summary>The output formats of <c>fleet</c>.</summary>
public enum FleetOutputFormat
{
    Text,
    Json,
    Csv,
}
