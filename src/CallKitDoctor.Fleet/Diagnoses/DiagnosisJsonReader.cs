using System.Globalization;
using System.Text.Json;
using CallKitDoctor.Fleet.Engine;

namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>
/// Reads the calls of a <c>diagnose --format json</c> report (schema version 1, docs/json-schema.md). Malformed JSON
/// gives a <see cref="BadRow"/> with the line and byte in that line; a report of another schema version, or one
/// without a <c>calls</c> array, gives a bad row with line 0. Never throws on content.
/// </summary>
public static class DiagnosisJsonReader
{
    /// <summary>Reports larger than this are refused (a report holds the evidence lines, not the log).</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    public static async Task<DiagnosisFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            if (stream.Length > MaxBytes)
            {
                return Bad(path, 0, null, $"report larger than {MaxBytes / (1024 * 1024)} MB");
            }

            document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return Bad(path, (ex.LineNumber ?? -1) + 1, ex.BytePositionInLine, "malformed JSON: " + JsonMessage(ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Bad(path, 0, null, "cannot read: " + ex.Message);
        }

        using (document)
        {
            return Read(path, document.RootElement);
        }
    }

    private static DiagnosisFile Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Bad(path, 0, null, "not a diagnosis report (not a JSON object)");
        }

        var version = root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : (int?)null;
        if (version != 1)
        {
            return Bad(path, 0, null, version is null ? "not a diagnosis report (no schemaVersion)" : $"diagnosis schemaVersion {version} is not supported (1 is)");
        }

        if (!root.TryGetProperty("calls", out var calls) || calls.ValueKind != JsonValueKind.Array)
        {
            return Bad(path, 0, null, "not a diagnosis report (no calls array)");
        }

        var context = root.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var logFindings = Ids(root, "findings");
        var result = new List<DiagnosedCall>();
        var position = 0;
        foreach (var call in calls.EnumerateArray())
        {
            position++;
            if (call.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var kinds = new List<(string Kind, DateTimeOffset? At)>();
            if (call.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in events.EnumerateArray())
                {
                    if (Text(e, "kind") is { } kind)
                    {
                        kinds.Add((kind, Instant(e, "instant")));
                    }
                }
            }

            var findings = Ids(call, "findings").Concat(logFindings).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var start = Instant(call, "startInstant");
            var activated = kinds.FirstOrDefault(k => k.Kind == "did-activate-delivered").At;
            result.Add(new DiagnosedCall
            {
                Source = path,
                Index = call.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out var index) ? index : position,
                CallUuid = Text(call, "callUuid"),
                StartedAt = start,
                Direction = Text(call, "direction") ?? "unknown",
                Verdict = Text(call, "verdict") ?? "unknown",
                OsVersion = OsVersionText.Number(Text(context, "osVersion")),
                OsBuild = Text(context, "osBuild"),
                DeviceModel = Text(context, "deviceModel"),
                AppVersion = Text(context, "appVersion"),
                Workaround = findings.Contains("workaround-missing") ? "false" : kinds.Exists(k => k.Kind == "configuration-set") ? "true" : "unknown",
                AppSetActive = findings.Contains("app-activated-audio") || kinds.Exists(k => k.Kind == "app-set-active-attempt") ? "true" : "false",
                ActivationMs = start is { } s && activated is { } a && a >= s ? (a - s).TotalMilliseconds : null,
                Findings = findings,
            });
        }

        return new DiagnosisFile(path, result, null);
    }

    private static IEnumerable<string> Ids(JsonElement owner, string property)
    {
        if (!owner.TryGetProperty(property, out var findings) || findings.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var finding in findings.EnumerateArray())
        {
            if (Text(finding, "id") is { Length: > 0 } id)
            {
                yield return id;
            }
        }
    }

    private static string? Text(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Instant(JsonElement owner, string property) =>
        Text(owner, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>The parser's message without its own position suffix (the bad row carries line and byte).</summary>
    private static string JsonMessage(string message)
    {
        var text = TelemetryTable.FirstLine(message);
        var position = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position > 0 ? text[..position].Trim() : text;
    }

    private static DiagnosisFile Bad(string path, long line, long? byteOffset, string reason) =>
        new(path, [], new BadRow(line, byteOffset, reason, path));
}
