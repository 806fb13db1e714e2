namespace CallKitDoctor.Fleet.Telemetry;

/// <summary>
/// Which file column holds each documented column (<c>--map did_activate=activated</c>); unmapped columns are read
/// under their documented names.
/// </summary>
public sealed class ColumnMapping
{
    private readonly Dictionary<string, string> _sources;

    private ColumnMapping(Dictionary<string, string> sources) => _sources = sources;

    public static ColumnMapping Identity { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The file column read as <paramref name="column"/>.</summary>
    public string SourceOf(string column) => _sources.TryGetValue(column, out var source) ? source : column;

    /// <summary>Parses <c>name=source</c> pairs (also comma-separated); null with a reason when one is malformed.</summary>
    public static ColumnMapping? Parse(IEnumerable<string> pairs, out string? error)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                error = $"--map expects COLUMN=FILE_COLUMN, got '{pair}'";
                return null;
            }

            var column = pair[..equals].Trim();
            var source = pair[(equals + 1)..].Trim();
            if (TelemetrySchema.Find(column) is not { } known)
            {
                error = $"--map: '{column}' is not a telemetry column (one of {string.Join(", ", TelemetrySchema.Columns.Select(c => c.Name))})";
                return null;
            }

            sources[known.Name] = source;
        }

        error = null;
        return new ColumnMapping(sources);
    }
}
