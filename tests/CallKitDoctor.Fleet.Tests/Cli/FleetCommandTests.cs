using System.Text.Json;
using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Fleet.Generation;
using CallKitDoctor.Fleet.Tests.Fixtures;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Fleet.Tests.Cli;

public sealed class FleetCommandTests : IDisposable
{
    private const string Csv = """
        call_id,started_at,direction,os_version,app_version,did_activate
        a,2025-03-01T10:00:00Z,incoming,18.4,5.1,true
        b,2025-03-01T11:00:00Z,incoming,18.4,5.1,false
        c,2025-03-01T12:00:00Z,outgoing,18.4.1,5.1,false
        d,2025-03-02T10:00:00Z,incoming,18.4.1,5.2,nope
        e,2025-03-02T10:00:00Z,incoming,18.4.1,5.2,false
        f,2025-03-02T11:00:00Z,outgoing,18.5,5.2,true

        """;

    private readonly TempFolder _folder = new();

    [Fact]
    public void Json_output_has_groups_with_wilson_intervals_and_comparisons()
    {
        var file = _folder.Write("calls.csv", Csv);
        var run = Run("fleet", file, "--by", "os_version", "--format", "json", "--compare", "os_version=18.4,18.4.1");
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("source").GetProperty("rowsRead").GetInt64());
        Assert.Equal(1, root.GetProperty("source").GetProperty("badRows").GetInt64());
        Assert.Equal(5, root.GetProperty("source").GetProperty("badRowSamples")[0].GetProperty("line").GetInt64());
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["18.4", "18.4.1", "18.5"], groups.Select(g => g.GetProperty("key").GetProperty("os_version").GetString()));
        var first = groups[0];
        Assert.Equal(2, first.GetProperty("calls").GetInt64());
        Assert.Equal(1, first.GetProperty("failures").GetInt64());
        Assert.Equal(0.5, first.GetProperty("rate").GetDouble());
        Assert.InRange(first.GetProperty("ciLow").GetDouble(), 0.09, 0.1);
        Assert.InRange(first.GetProperty("ciHigh").GetDouble(), 0.90, 0.91);
        var comparison = Assert.Single(root.GetProperty("comparisons").EnumerateArray());
        Assert.Equal("18.4", comparison.GetProperty("baseline").GetProperty("os_version").GetString());
        Assert.Equal("18.4.1", comparison.GetProperty("candidate").GetProperty("os_version").GetString());
        Assert.Equal(2.0, comparison.GetProperty("rateRatio").GetDouble(), 1e-12);
        Assert.True(comparison.GetProperty("rateRatioLow").GetDouble() < 2);
        Assert.InRange(comparison.GetProperty("pValue").GetDouble(), 0.1, 1);
        Assert.Equal(2, root.GetProperty("daily").GetArrayLength());
        Assert.Contains("line 5", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_output_groups_by_a_pair_of_columns()
    {
        var file = _folder.Write("calls.csv", Csv);
        var run = Run("fleet", file, "--by", "app_version,direction", "--format", "csv");
        Assert.Equal(0, run.Exit);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("app_version,direction,calls,failures,rate,ci_low,ci_high", lines[0]);
        Assert.StartsWith("5.1,incoming,2,1,0.5,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("5.1,outgoing,1,1,1,", lines[2], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void Text_output_shows_the_tables()
    {
        var file = _folder.Write("calls.jsonl", """
            {"os_version":"18.4","did_activate":true,"started_at":"2025-03-01T10:00:00Z"}
            {"os_version":"18.4.1","did_activate":false,"started_at":"2025-03-01T10:00:00Z"}
            {broken
            """);
        var run = Run("fleet", file, "--by", "os_version", "--release-scan", "--daily");
        Assert.Equal(0, run.Exit);
        Assert.Contains("Failure rate", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("18.4.1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2025-03-01", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("release", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("line 3: not a JSON object", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--by", "nope")]
    [InlineData("--map", "bogus=x")]
    [InlineData("--compare", "os_version=18.4")]
    [InlineData("--rollout-date", "March")]
    public void Bad_requests_exit_with_code_2(string option, string value)
    {
        var file = _folder.Write("calls.csv", Csv);
        var run = Run("fleet", file, option, value);
        Assert.Equal(ExitCodes.UsageOrInput, run.Exit);
        Assert.StartsWith("callkit-doctor: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_with_code_2()
    {
        var run = Run("fleet", Path.Combine(_folder.Path, "absent.csv"));
        Assert.Equal(ExitCodes.UsageOrInput, run.Exit);
        Assert.Contains("no such file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_then_analyze_parquet_with_the_workaround_effect()
    {
        var parquet = Path.Combine(_folder.Path, "fleet.parquet");
        var generated = Run("fleet", "generate", parquet, "--calls", "20000", "--days", "14", "--seed", "5");
        Assert.Equal(0, generated.Exit);
        var run = Run("fleet", parquet, "--workaround-effect", "--format", "json");
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(20000, json.RootElement.GetProperty("source").GetProperty("rowsUsed").GetInt64());
        var overall = json.RootElement.GetProperty("comparisons")[0];
        Assert.Equal("rollout", overall.GetProperty("kind").GetString());
        Assert.Equal("false", overall.GetProperty("baseline").GetProperty("workaround").GetString());
        Assert.True(overall.GetProperty("rateRatioHigh").GetDouble() < 0.5);
    }

    [Fact]
    public void The_shipped_sample_is_the_generator_output()
    {
        var sample = RepositoryRoot.PathOf("samples", "fleet", "fleet-sample.csv");
        using var regenerated = new StringWriter();
        FleetGenerator.WriteCsv(regenerated, new FleetGeneratorOptions { Calls = 5000, Days = 28, Seed = 20250415 });
        Assert.Equal(regenerated.ToString().ReplaceLineEndings("\n"), File.ReadAllText(sample).ReplaceLineEndings("\n"));
        var run = Run("fleet", sample, "--by", "os_version", "--format", "csv");
        Assert.Equal(0, run.Exit);
        Assert.Equal(5, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var environment = new CliEnvironment(stdout, stderr, new DiagnosisService(), outputIsTerminal: false, noColorVariable: false, terminalWidth: 140);
        var exit = CliApplication.Run(args, environment);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
