using CallKitDoctor.Fleet.Comparisons;
using CallKitDoctor.Fleet.Telemetry;

namespace CallKitDoctor.Fleet.Output;

/// <summary>The lower-case names used in every output for formats and comparison kinds.</summary>
public static class FleetFormatNames
{
    public static string Of(TelemetryFormat format) => format switch
    {
        TelemetryFormat.Csv => "csv",
        TelemetryFormat.JsonLines => "jsonl",
        TelemetryFormat.Parquet => "parquet",
        _ => "diagnoses",
    };

    public static string Of(ComparisonKind kind) => kind switch
    {
        ComparisonKind.Pair => "pair",
        ComparisonKind.Release => "release",
        _ => "rollout",
    };
}
