using System.Text.Json;
using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Tests.Fixtures;

namespace CallKitDoctor.Cli.Tests.Show;

/// <summary>One record of <c>show --style ndjson</c>, with the fields the predicate keys read.</summary>
public sealed record ShownEntry(
    string Timestamp,
    string ProcessImagePath,
    long ProcessId,
    long ThreadId,
    string SenderImagePath,
    string Subsystem,
    string Category,
    string MessageType,
    string EventType,
    string FormatString,
    string EventMessage,
    long ActivityId,
    string BootUuid)
{
    public string Process => LastComponent(ProcessImagePath);

    public string Sender => LastComponent(SenderImagePath);

    /// <summary>Runs <c>show ARGS --style ndjson</c> and returns its records; asserts exit 0 and the trailer's count.</summary>
    public static IReadOnlyList<ShownEntry> Run(params string[] args)
    {
        var run = CliRun.Of(new FakeDiagnosisService(), ["show", .. args, "--style", "ndjson"]);
        Assert.True(run.ExitCode == ExitCodes.Success, $"exit {run.ExitCode}: {run.Stderr}");
        return Parse(run.Stdout);
    }

    public static IReadOnlyList<ShownEntry> Parse(string ndjson)
    {
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entries = new List<ShownEntry>();
        foreach (var line in lines[..^1])
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            entries.Add(new ShownEntry(
                Text(r, "timestamp"), Text(r, "processImagePath"), Number(r, "processID"), Number(r, "threadID"), Text(r, "senderImagePath"),
                Text(r, "subsystem"), Text(r, "category"), Text(r, "messageType"), Text(r, "eventType"), Text(r, "formatString"),
                Text(r, "eventMessage"), Number(r, "activityIdentifier"), Text(r, "bootUUID")));
        }

        using var trailer = JsonDocument.Parse(lines[^1]);
        Assert.Equal(entries.Count, trailer.RootElement.GetProperty("count").GetInt32());
        return entries;
    }

    /// <summary>Case folding for the oracle: invariant upper case.</summary>
    public static string FoldCase(string s) => s.ToUpperInvariant();

    /// <summary>Diacritic folding for the oracle, for the accented letters the test inputs use.</summary>
    public static string FoldDiacritics(string s) => s.Replace('é', 'e').Replace('É', 'E');

    /// <summary>The numeric code of a messageType name, as `log` orders them.</summary>
    public int Level => MessageType switch
    {
        "Default" => 0,
        "Info" => 1,
        "Debug" => 2,
        "Error" => 16,
        "Fault" => 17,
        _ => -1,
    };

    private static string LastComponent(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Text(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static long Number(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : -1;
}
