using System.Globalization;
using System.Text.Json;
using CallKitDoctor.Fleet.Engine;
using CallKitDoctor.Fleet.Telemetry;
using DuckDB.NET.Data;

namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>
/// The calls of a <see cref="DiagnosisBatch"/> as telemetry rows: written once as JSON Lines to a temporary file that
/// the JSON Lines loader materialises (then the file is deleted). Calls whose verdict gives no outcome and inputs that
/// could not be read are bad rows naming their file.
/// </summary>
internal sealed class DiagnosisRelation : ICheckedRelation
{
    public const string VerdictColumn = "verdict";
    public const string SourceColumn = "source";

    private readonly DiagnosisBatch _batch;
    private readonly List<BadRow> _undecided;
    private readonly TelemetryLoader _loader;
    private readonly int _badRowLimit;

    private DiagnosisRelation(DiagnosisBatch batch, List<BadRow> undecided, TelemetryLoader loader, int badRowLimit)
    {
        _batch = batch;
        _undecided = undecided;
        _loader = loader;
        _badRowLimit = badRowLimit;
    }

    public IReadOnlyList<string> Columns => _loader.Columns;

    public static DiagnosisRelation Load(DuckDBConnection connection, DiagnosisBatch batch, int badRowLimit)
    {
        var undecided = batch.Calls.Where(c => c.DidActivate is null)
            .Select(c => new BadRow(0, null, $"call {c.Index.ToString(CultureInfo.InvariantCulture)}: verdict {c.Verdict} (no activation outcome to count)", c.Source))
            .ToList();
        var decided = batch.Calls.Where(c => c.DidActivate is not null).ToList();
        if (decided.Count == 0)
        {
            var first = batch.FailedInputs.Concat(undecided).FirstOrDefault();
            throw new FleetQueryException($"no call with an activation outcome in {Inputs(batch)}"
                + (first is null ? "" : $" (first problem: {first})"));
        }

        var path = Path.Combine(Path.GetTempPath(), "callkit-doctor-fleet-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            Write(path, decided);
            var loader = new TelemetryLoader(connection, new TelemetryFile(path, TelemetryFormat.JsonLines), ColumnMapping.Identity, badRowLimit);
            loader.Load();
            return new DiagnosisRelation(batch, undecided, loader, badRowLimit);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public LoadSummary Summarize(long checkedRows, long badInTable)
    {
        var inner = _loader.Summarize(checkedRows, badInTable);
        var bad = _batch.FailedInputs.Concat(_undecided).Concat(inner.BadRows).Take(_badRowLimit).ToList();
        var extra = _batch.FailedInputs.Count + _undecided.Count;
        var notes = new List<string> { $"{Inputs(_batch)} read, {_batch.Calls.Count:N0} calls" };
        if (_batch.InputsWithoutCalls > 0)
        {
            notes.Add($"{_batch.InputsWithoutCalls:N0} input(s) had no call");
        }

        return new LoadSummary(Inputs(_batch), TelemetryFormat.Diagnoses, inner.RowsRead + extra, inner.RowsUsed, inner.BadRowCount + extra, bad, inner.Columns)
        {
            Notes = notes,
        };
    }

    private static string Inputs(DiagnosisBatch batch) =>
        batch.Inputs.Count == 1 ? batch.Inputs[0] : $"{batch.Inputs.Count:N0} inputs";

    private static void Write(string path, IReadOnlyList<DiagnosedCall> calls)
    {
        var findings = calls.SelectMany(c => c.Findings).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new Utf8JsonWriter(stream);
        foreach (var call in calls)
        {
            json.Reset(stream);
            json.WriteStartObject();
            json.WriteString(TelemetrySchema.CallId, call.CallUuid ?? $"{call.Source}#{call.Index.ToString(CultureInfo.InvariantCulture)}");
            WriteOrNull(json, TelemetrySchema.StartedAt, call.StartedAt?.ToString("o", CultureInfo.InvariantCulture));
            json.WriteString(TelemetrySchema.Direction, call.Direction);
            WriteOrNull(json, TelemetrySchema.OsVersion, call.OsVersion);
            WriteOrNull(json, TelemetrySchema.OsBuild, call.OsBuild);
            WriteOrNull(json, TelemetrySchema.AppVersion, call.AppVersion);
            WriteOrNull(json, TelemetrySchema.DeviceModel, call.DeviceModel);
            json.WriteString(TelemetrySchema.Workaround, call.Workaround);
            json.WriteString(TelemetrySchema.AppSetActive, call.AppSetActive);
            json.WriteBoolean(TelemetrySchema.DidActivate, call.DidActivate == true);
            if (call.ActivationMs is { } ms)
            {
                json.WriteNumber(TelemetrySchema.ActivationMs, ms);
            }
            else
            {
                json.WriteNull(TelemetrySchema.ActivationMs);
            }

            json.WriteString(VerdictColumn, call.Verdict);
            json.WriteString(SourceColumn, call.Source);
            foreach (var id in findings)
            {
                json.WriteBoolean(TelemetrySchema.FindingPrefix + id, call.Findings.Contains(id));
            }

            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        }
    }

    private static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
