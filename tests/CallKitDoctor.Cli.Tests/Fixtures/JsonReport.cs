using System.Text.Json;

namespace CallKitDoctor.Cli.Tests.Fixtures;

/// <summary>Reads what tests check in a JSON report: finding ids and verdicts.</summary>
internal sealed class JsonReport
{
    private JsonReport(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static JsonReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonReport(document.RootElement.Clone());
    }

    /// <summary>Every finding id, log-level and per call.</summary>
    public IReadOnlyList<string> FindingIds =>
        Root.GetProperty("findings").EnumerateArray()
            .Concat(Root.GetProperty("calls").EnumerateArray().SelectMany(c => c.GetProperty("findings").EnumerateArray()))
            .Select(f => f.GetProperty("id").GetString()!)
            .ToList();

    public IReadOnlyList<string> Verdicts =>
        Root.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("verdict").GetString()!).ToList();
}
