using System.Text.Json;
using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Tests.Fixtures;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Cli.Tests.Show;

public sealed class ShowCommandTests : IDisposable
{
    private const string DefaultStyleLog =
        "Timestamp                       Thread     Type        Activity             PID    TTL  \n" +
        "2025-10-23 16:00:39.916170+1100 0x1a2b3    Default     0x5f                 123    0    callservicesd: (CallKit) [com.apple.calls.callkit:Default] Call started\n" +
        "2025-10-23 16:00:40.000001+1100 0x1a2b3    Error       0x0                  123    0    callservicesd: (CallKit) [com.apple.calls.callkit:Default] Call failed, \"bad\"\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("callkit-doctor-show-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string TextLog()
    {
        var path = Path.Combine(_dir, "device.log");
        File.WriteAllText(path, DefaultStyleLog);
        return path;
    }

    private static string SharedFile(string name) => Path.Combine(SharedData.Directory!, "testdata", "unified_logging", name);

    [Fact]
    public void TextLogAsNdjsonExitsZero()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "show", TextLog(), "--style", "ndjson");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("""{"count":2,"finished":1}""", lines[2]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("Call failed, \"bad\"", second.RootElement.GetProperty("eventMessage").GetString());
        Assert.Equal("Error", second.RootElement.GetProperty("messageType").GetString());
        Assert.Equal("2025-10-23 16:00:40.000001+1100", second.RootElement.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void DefaultStyleOfADefaultStyleLogReproducesItsLines()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "show", TextLog());

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith(DefaultStyleLog, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Log      - Default:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvToOutputFile()
    {
        var output = Path.Combine(_dir, "out.csv");

        var run = CliRun.Of(new FakeDiagnosisService(), "show", TextLog(), "--style", "csv", "--output", output);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var rows = File.ReadAllText(output).Split("\r\n");
        Assert.Equal(4, rows.Length);
        Assert.EndsWith(",\"Call failed, \"\"bad\"\"\"", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public void MissingInputIsUsageError()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "show", Path.Combine(_dir, "nope.tracev3"));

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Contains("nope.tracev3", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownStyleOrMissingStringsFolderIsUsageError()
    {
        Assert.Equal(ExitCodes.UsageOrInput, CliRun.Of(new FakeDiagnosisService(), "show", TextLog(), "--style", "xml").ExitCode);
        var run = CliRun.Of(new FakeDiagnosisService(), "show", TextLog(), "--strings", Path.Combine(_dir, "none"));
        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Contains("no such folder", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TracevThreeThatIsNotOneIsAPartialRead()
    {
        var path = Path.Combine(_dir, "broken.tracev3");
        File.WriteAllBytes(path, [0x00, 0x10, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0, 1, 2, 3]);

        var run = CliRun.Of(new FakeDiagnosisService(), "show", path, "--style", "ndjson");

        Assert.Equal(ShowCommand.PartialRead, run.ExitCode);
        Assert.Contains("broken.tracev3 at byte", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("""{"count":0,"finished":1}""" + "\n", run.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void RealTracev3WithStringsAndTimesyncReadsCompletely()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var reference = File.ReadLines(Path.Combine(SharedData.Directory!, "testdata", "reference", "0000000000000f85.tracev3.dtformats.ndjson")).Count(l => l.StartsWith("{\"traceID\"", StringComparison.Ordinal));

        var run = CliRun.Of(new FakeDiagnosisService(), "show", SharedFile("0000000000000f85.tracev3"),
            "--strings", SharedFile("uuidtext"), "--timesync", SharedFile("timesync"), "--style", "ndjson", "--info", "--debug", "--signpost");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var trailer = JsonDocument.Parse(lines[^1]);
        Assert.Equal(lines.Length - 1, trailer.RootElement.GetProperty("count").GetInt32());
        Assert.InRange(lines.Length - 1, reference - 10, reference + 10);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("A6EBC8E3-0A1C-40E8-93B9-DA3A7F671D19", first.RootElement.GetProperty("bootUUID").GetString());
    }

    [SkippableFact]
    public void TruncatedRealFileIsPartialWithByteOffset()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var bytes = File.ReadAllBytes(SharedFile("0000000000000f85.tracev3"));
        var path = Path.Combine(_dir, "cut.tracev3");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);

        var run = CliRun.Of(new FakeDiagnosisService(), "show", path, "--style", "compact");

        Assert.Equal(ShowCommand.PartialRead, run.ExitCode);
        Assert.Contains("cut.tracev3 at byte", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("partial read", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.Stdout.Split('\n').Length > 100);
    }

    [SkippableFact]
    public void RealTracev3DefaultLevelsLeaveOutInfoDebugAndSignposts()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        string[] args = ["show", SharedFile("0000000000000f85.tracev3"), "--strings", SharedFile("uuidtext"), "--timesync", SharedFile("timesync"), "--style", "ndjson"];

        var all = CliRun.Of(new FakeDiagnosisService(), [.. args, "--info", "--debug", "--signpost"]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..^1];
        var shown = CliRun.Of(new FakeDiagnosisService(), args).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..^1];

        static bool Hidden(string line)
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return r.GetProperty("messageType").GetString() is "Info" or "Debug" || r.GetProperty("eventType").GetString() == "signpostEvent";
        }

        Assert.Equal(all.Where(l => !Hidden(l)), shown);
        Assert.True(shown.Length < all.Length);
    }
}
