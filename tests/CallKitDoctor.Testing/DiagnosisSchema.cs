using System.Text.Json;
using Json.Schema;

namespace CallKitDoctor.Testing;

/// <summary>Validates JSON output against <c>docs/diagnosis.schema.json</c>.</summary>
public static class DiagnosisSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepositoryRoot.PathOf("docs", "diagnosis.schema.json"))));

    /// <summary>The schema's complaints about <paramref name="json"/> ("location: message"), empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no details)")
            .ToList();
    }
}
