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

    /// <summary>
    /// True when <paramref name="path"/> should be read as call telemetry rather than as a diagnosis input: a file named
    /// .csv/.tsv/.jsonl/.ndjson/.parquet/.pq; a .json file unless it starts like a diagnosis report; a .txt file whose
    /// header names the outcome column.
    /// </summary>
    public static bool LooksLikeTelemetry(string path, ColumnMapping mapping)
    {
        if (!File.Exists(path) || FormatOf(path) is null)
        {
            return false;
        }

        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".json" => !Diagnoses.DiagnosisInputs.IsDiagnosisReport(path),
            ".txt" => Engine.CsvHeader.Read(path, ',').Contains(mapping.SourceOf(TelemetrySchema.DidActivate), StringComparer.Ordinal),
            _ => true,
        };
    }

    /// <summary>The file with its layout taken from the extension (CSV when unknown; tab-delimited for .tsv).</summary>
    public static TelemetryFile Detect(string path) => new(
        path,
        FormatOf(path) ?? TelemetryFormat.Csv,
        System.IO.Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
}
