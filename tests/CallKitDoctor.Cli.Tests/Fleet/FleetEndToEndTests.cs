using System.Text.Json;
using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Tests.Fixtures;
using CallKitDoctor.Testing;
using DuckDB.NET.Data;

namespace CallKitDoctor.Cli.Tests.Fleet;

/// <summary>
/// <c>fleet</c> end to end on every input kind (CSV, JSON Lines, Parquet, diagnosis JSON), each with malformed rows:
/// the same calls give the same groups whatever the layout, and every bad row is counted and located.
/// </summary>
public sealed class FleetEndToEndTests : IDisposable
{
    // Eight calls: 18.4 has 1 failure of 3, 18.4.1 has 3 of 4 (one row bad in each layout below), 18.5 has 0 of 1.
    private static readonly (string Id, string Day, string Os, string Direction, bool Activated)[] Calls =
    [
        ("a", "2025-04-01", "18.4", "incoming", true),
        ("b", "2025-04-01", "18.4", "incoming", false),
        ("c", "2025-04-01", "18.4", "outgoing", true),
        ("d", "2025-04-01", "18.4.1", "incoming", false),
        ("e", "2025-04-02", "18.4.1", "incoming", false),
        ("f", "2025-04-02", "18.4.1", "incoming", true),
        ("g", "2025-04-02", "18.4.1", "outgoing", false),
        ("h", "2025-04-02", "18.5", "outgoing", true),
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("ckd-fleet-e2e-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans its temp folder.
        }
    }

    [Fact]
    public void Csv_with_a_malformed_row_reports_its_line_and_byte_offset()
    {
        var lines = new List<string> { "call_id,started_at,os_version,direction,did_activate" };
        lines.AddRange(Calls.Select(c => $"{c.Id},{c.Day}T10:00:00Z,{c.Os},{c.Direction},{(c.Activated ? "true" : "false")}"));
        lines.Insert(3, "x,2025-04-01T10:00:00Z,18.4,incoming,perhaps");
        var file = Write("calls.csv", string.Join('\n', lines) + "\n");

        var root = Json(Run("fleet", file, "--by", "os_version", "--format", "json"), out var stderr);

        AssertGroups(root);
        var source = root.GetProperty("source");
        Assert.Equal(9, source.GetProperty("rowsRead").GetInt64());
        Assert.Equal(1, source.GetProperty("badRows").GetInt64());
        var bad = source.GetProperty("badRowSamples")[0];
        Assert.Equal(4, bad.GetProperty("line").GetInt64());
        Assert.Equal(File.ReadAllText(file).IndexOf("x,2025", StringComparison.Ordinal), bad.GetProperty("byteOffset").GetInt64());
        Assert.Contains("perhaps", bad.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("line 4", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_with_broken_lines_keep_their_line_numbers()
    {
        var lines = Calls.Select(c => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["call_id"] = c.Id,
            ["started_at"] = c.Day + "T10:00:00Z",
            ["os_version"] = c.Os,
            ["direction"] = c.Direction,
            ["did_activate"] = c.Activated,
        })).ToList();
        lines.Insert(2, "{\"call_id\": \"y\", \"did_activate\": tru");
        lines.Insert(5, "[1, 2]");
        var file = Write("calls.jsonl", string.Join('\n', lines) + "\n");

        var root = Json(Run("fleet", file, "--by", "os_version", "--format", "json"), out _);

        AssertGroups(root);
        var samples = root.GetProperty("source").GetProperty("badRowSamples").EnumerateArray().ToList();
        Assert.Equal([3L, 6L], samples.Select(s => s.GetProperty("line").GetInt64()));
        Assert.All(samples, s => Assert.Contains("not a JSON object", s.GetProperty("reason").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Parquet_with_an_unreadable_outcome_names_the_row()
    {
        var csv = Write("source.csv", "call_id,started_at,os_version,direction,did_activate\n"
            + string.Join('\n', Calls.Select(c => $"{c.Id},{c.Day}T10:00:00Z,{c.Os},{c.Direction},{(c.Activated ? "true" : "false")}"))
            + "\nz,2025-04-02T10:00:00Z,18.5,incoming,sometimes\n");
        var parquet = Path.Combine(_dir, "calls.parquet");
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv('{csv}', all_varchar = true, header = true)) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        var root = Json(Run("fleet", parquet, "--by", "os_version", "--format", "json"), out _);

        AssertGroups(root);
        Assert.Equal("parquet", root.GetProperty("source").GetProperty("format").GetString());
        var bad = Assert.Single(root.GetProperty("source").GetProperty("badRowSamples").EnumerateArray());
        Assert.Equal(9, bad.GetProperty("line").GetInt64());
        Assert.Contains("sometimes", bad.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_parquet_is_read_with_its_own_types()
    {
        var parquet = Path.Combine(_dir, "generated.parquet");
        Assert.Equal(0, Run("fleet", "generate", parquet, "--calls", "30000", "--days", "14", "--seed", "9").ExitCode);

        var root = Json(Run("fleet", parquet, "--by", "os_version", "--release-scan", "--format", "json"), out _);

        Assert.Equal(30000, root.GetProperty("source").GetProperty("rowsUsed").GetInt64());
        Assert.Equal(30000, root.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("calls").GetInt64()));
        var scan = root.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("candidate").GetProperty("os_version").GetString() == "18.4.1");
        Assert.True(scan.GetProperty("increase").GetBoolean(), "18.4.1 is planted at 3x the rate of 18.4");
    }

    [Fact]
    public void Diagnosis_reports_become_rows_and_a_malformed_report_is_named()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_dir, "reports")).FullName;
        var log = RepositoryRoot.PathOf("samples", "seed-production-failure.log");
        var diagnosed = Run("diagnose", log, "--format", "json", "--output", Path.Combine(reports, "one.json"));
        Assert.Equal(0, diagnosed.ExitCode);
        File.Copy(Path.Combine(reports, "one.json"), Path.Combine(reports, "two.json"));
        File.WriteAllText(Path.Combine(reports, "three.json"), "{\n  \"schemaVersion\": 1,\n  \"calls\": [ {\"index\": 1 ]\n}");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "one.json")));
        var calls = report.RootElement.GetProperty("calls").EnumerateArray().ToList();
        var decided = calls.Count(c => c.GetProperty("verdict").GetString() is "audio-activated" or "activation-failed" or "activation-masked");
        var failed = calls.Count(c => c.GetProperty("verdict").GetString() is "activation-failed" or "activation-masked");

        var root = Json(Run("fleet", reports, "--by", "verdict", "--format", "json"), out var stderr);

        var source = root.GetProperty("source");
        Assert.Equal("diagnoses", source.GetProperty("format").GetString());
        Assert.Equal(2 * decided, source.GetProperty("rowsUsed").GetInt64());
        Assert.Equal(2 * failed, root.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("failures").GetInt64()));
        var broken = source.GetProperty("badRowSamples").EnumerateArray().Single(b => b.GetProperty("file").GetString()!.EndsWith("three.json", StringComparison.Ordinal));
        Assert.Equal(3, broken.GetProperty("line").GetInt64());
        Assert.True(broken.GetProperty("byteOffset").GetInt64() > 0);
        Assert.Contains("three.json line 3", stderr, StringComparison.Ordinal);
        var findingIds = report.RootElement.GetProperty("summary").GetProperty("findings").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var fleetIds = root.GetProperty("findings").EnumerateArray().Where(f => !f.GetProperty("key").EnumerateObject().Any())
            .Select(f => f.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(findingIds, fleetIds);
    }

    [Fact]
    public void Logs_diagnosed_in_parallel_match_their_json_reports()
    {
        var logs = new[]
        {
            RepositoryRoot.PathOf("samples", "seed-production-failure.log"),
            RepositoryRoot.PathOf("samples", "sysdiagnose_2025.10.23_16-02-10+1100_iPhone-OS_iPhone_22E252.tar.gz"),
        };
        var reports = Directory.CreateDirectory(Path.Combine(_dir, "json")).FullName;
        for (var i = 0; i < logs.Length; i++)
        {
            Assert.Equal(0, Run("diagnose", logs[i], "--format", "json", "--output", Path.Combine(reports, $"{i}.json")).ExitCode);
        }

        var fromLogs = Run(["fleet", .. logs, "--by", "os_build", "--format", "csv", "--jobs", "2"]);
        var fromReports = Run("fleet", reports, "--by", "os_build", "--format", "csv");

        Assert.Equal(0, fromLogs.ExitCode);
        Assert.Equal(fromReports.Stdout, fromLogs.Stdout);
        Assert.Contains("22E252,", fromLogs.Stdout, StringComparison.Ordinal);
        Assert.Contains("finding,by,value,calls,with_finding,share,ci_low,ci_high", fromLogs.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_telemetry_files_or_a_missing_input_are_usage_errors()
    {
        var a = Write("a.csv", "did_activate\ntrue\n");
        var b = Write("b.csv", "did_activate\nfalse\n");

        var several = Run("fleet", a, b, "--input-format", "csv");
        var missing = Run("fleet", Path.Combine(_dir, "absent"), "--input-format", "diagnoses");

        Assert.Equal(ExitCodes.UsageOrInput, several.ExitCode);
        Assert.Contains("one file", several.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrInput, missing.ExitCode);
        Assert.Contains("no such file", missing.Stderr, StringComparison.Ordinal);
    }

    private static void AssertGroups(JsonElement root)
    {
        var groups = root.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("key").GetProperty("os_version").GetString()!, g => (g.GetProperty("calls").GetInt64(), g.GetProperty("failures").GetInt64()));
        var expected = Calls.GroupBy(c => c.Os).ToDictionary(g => g.Key, g => ((long)g.Count(), (long)g.Count(c => !c.Activated)));
        Assert.Equal(expected, groups);
    }

    private static JsonElement Json(CliRun run, out string stderr)
    {
        Assert.True(run.ExitCode == 0, run.Stderr);
        stderr = run.Stderr;
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    private static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var environment = new CliEnvironment(stdout, stderr, new DiagnosisService(), outputIsTerminal: false, noColorVariable: false, terminalWidth: 140);
        var exit = CliApplication.Run(args, environment);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
