using System.Text;
using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Tests.Fixtures;
using CallKitDoctor.Cli.Tests.Show;

namespace CallKitDoctor.Cli.Tests.Progress;

/// <summary>The progress display of <c>show</c> and <c>diagnose</c>: monotone reports on a terminal's stderr, nothing otherwise.</summary>
public sealed class ShowProgressTests(ShowInputs inputs) : IClassFixture<ShowInputs>
{
    private const int BigLogLines = 6000;

    private string BigTextLog()
    {
        var path = Path.Combine(inputs.Scratch, "big.log");
        if (!File.Exists(path))
        {
            var text = new StringBuilder();
            text.Append("Timestamp                       Thread     Type        Activity             PID    TTL  \n");
            for (var i = 0; i < BigLogLines; i++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"2025-10-23 16:{i / 600 % 60:00}:{i / 10 % 60:00}.{i % 10}00000+1100 0x1a2b3    Default     0x0                  123    0    callservicesd: (CallKit) [com.apple.calls.callkit:Default] Line {i} of a log big enough to be read in several buffers\n");
            }

            File.WriteAllText(path, text.ToString());
        }

        return path;
    }

    private string Out(string name) => Path.Combine(inputs.Scratch, name);

    [Fact]
    public void TextFileReportsMonotoneBytesAndEntriesUpToTheWholeFile()
    {
        var log = BigTextLog();
        var display = new RecordingProgressDisplay();

        var run = ProgressRun.Of(display, errorIsTerminal: true, outputIsTerminal: false, new FakeDiagnosisService(), "show", log, "--output", Out("big.out"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(("big.log", new FileInfo(log).Length), Assert.Single(display.Runs));
        display.AssertMonotone();
        Assert.True(display.Reports.Count > 3, $"{display.Reports.Count} reports");
        Assert.Contains(display.Reports, r => r.BytesRead > 0 && r.BytesRead < new FileInfo(log).Length);
        Assert.Equal(new FileInfo(log).Length, display.Reports[^1].BytesRead);
        Assert.Equal(BigLogLines, display.Reports[^1].Entries);
        Assert.Equal(BigLogLines, File.ReadAllLines(Out("big.out")).Count(l => l.Contains(" Line ", StringComparison.Ordinal)));
    }

    [Fact]
    public void ArchiveReportsItsCompressedBytes()
    {
        var display = new RecordingProgressDisplay();
        var size = new FileInfo(inputs.SysdiagnoseTarGz).Length;

        var run = ProgressRun.Of(display, true, false, new FakeDiagnosisService(), "show", inputs.SysdiagnoseTarGz, "--style", "ndjson", "-o", Out("archive.ndjson"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(size, Assert.Single(display.Runs).Total);
        display.AssertMonotone();
        Assert.Equal(size, display.Reports[^1].BytesRead);
        Assert.Equal(ShownEntry.Parse(File.ReadAllText(Out("archive.ndjson"))).Count, display.Reports[^1].Entries);
    }

    [Fact]
    public void FolderReportsTheTracev3BytesFromEntryOffsets()
    {
        var display = new RecordingProgressDisplay();
        var total = Directory.EnumerateFiles(inputs.SysdiagnoseFolder, "*.tracev3", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        var run = ProgressRun.Of(display, true, false, new FakeDiagnosisService(), "show", inputs.SysdiagnoseFolder, "-o", Out("folder.log"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(total, Assert.Single(display.Runs).Total);
        display.AssertMonotone();
        Assert.Equal(total, display.Reports[^1].BytesRead);
        Assert.True(display.Reports[^1].Entries > 0);
    }

    [Theory]
    [InlineData(false, false, false, true)]
    [InlineData(true, false, true, true)]
    [InlineData(true, true, false, false)]
    [InlineData(true, false, false, true)]
    public void NothingWhenStderrIsNotATerminalOrQuietOrEntriesGoToTheSameTerminal(bool errorIsTerminal, bool outputIsTerminal, bool quiet, bool toFile)
    {
        var display = new RecordingProgressDisplay();
        List<string> args = ["show", BigTextLog()];
        if (quiet)
        {
            args.Add("--quiet");
        }

        if (toFile)
        {
            args.AddRange(["--output", Out("quiet.out")]);
        }

        var run = ProgressRun.Of(display, errorIsTerminal, outputIsTerminal, new FakeDiagnosisService(), [.. args]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var expectShown = errorIsTerminal && !quiet && (toFile || !outputIsTerminal);
        Assert.Equal(expectShown, display.Runs.Count == 1);
        Assert.Equal(expectShown, display.Reports.Count > 0);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void DiagnoseReportsProgressUnlessQuiet()
    {
        var shown = new RecordingProgressDisplay();
        var run = ProgressRun.Of(shown, true, true, new DiagnosisService(), "diagnose", BigTextLog(), "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        shown.AssertMonotone();
        Assert.Equal(BigLogLines, shown.Reports[^1].Entries);
        Assert.Equal(new FileInfo(BigTextLog()).Length, shown.Reports[^1].BytesRead);

        var quiet = new RecordingProgressDisplay();
        Assert.Equal(ExitCodes.Success, ProgressRun.Of(quiet, true, true, new DiagnosisService(), "diagnose", BigTextLog(), "--quiet").ExitCode);
        Assert.Empty(quiet.Reports);
        Assert.Empty(quiet.Runs);
    }
}
