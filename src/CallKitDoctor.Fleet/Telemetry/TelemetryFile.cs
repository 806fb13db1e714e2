namespace CallKitDoctor.Fleet.Telemetry;

/// <summary>A telemetry file and its layout (CSV with a header row, JSON Lines, or Parquet).</summary>
public sealed record TelemetryFile(string Path, TelemetryFormat Format, char Delimiter = ',')
{
    /// <summary>The layout named by the file's extension (.csv .tsv .txt, .jsonl .ndjson .json, .parquet), or null.</summary>
    public static TelemetryFormat? FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" or ".tsv" or ".txt" => TelemetryFormat.Csv,
        ".jsonl" or ".ndjson" or ".json" => TelemetryFormat.JsonLines,
        ".parquet" or ".pq" => TelemetryFormat.Parquet,
        _ => null,
    };

    /// <summary>The file with its layout taken from the extension (CSV when unknown; tab-delimited for .tsv).</summary>
    public static TelemetryFile Detect(string path) => new(
        path,
        FormatOf(path) ?? TelemetryFormat.Csv,
        System.IO.Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
}
