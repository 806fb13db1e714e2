using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Progress;
using CallKitDoctor.Cli.Tests.Progress;
using CallKitDoctor.Fleet.Diagnoses;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Cli.Tests.Fleet;

/// <summary>
/// <c>fleet</c> over logs shows its progress through the same display as <c>show</c> and <c>diagnose</c> (inputs done of
/// the total), and not at all with <c>--quiet</c>, <c>--no-progress</c> or when stderr is not a terminal.
/// </summary>
public sealed class FleetProgressTests
{
    private static readonly string[] Logs =
    [
        RepositoryRoot.PathOf("samples", "seed-production-failure.log"),
        RepositoryRoot.PathOf("samples", "sysdiagnose_2025.10.23_16-02-10+1100_iPhone-OS_iPhone_22E252.tar.gz"),
    ];

    [Fact]
    public void FleetOverLogsReportsInputsDoneOfTheTotal()
    {
        var display = new RecordingProgressDisplay();

        var run = ProgressRun.Of(display, errorIsTerminal: true, outputIsTerminal: false, new DiagnosisService(), ["fleet", .. Logs, "--format", "csv", "--jobs", "2"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(("2 inputs", 2L), Assert.Single(display.Runs));
        Assert.Equal(ProgressUnit.Items, Assert.Single(display.Units));
        display.AssertMonotone();
        Assert.Equal((2L, 2L), (display.Reports[^1].BytesRead, display.Reports[^1].TotalBytes));
        Assert.Contains(display.Reports[^1].Current, Logs);
    }

    [Theory]
    [InlineData(true, "--quiet")]
    [InlineData(true, "-q")]
    [InlineData(true, "--no-progress")]
    [InlineData(false, null)]
    public void NothingIsShownWhenQuietOrStderrIsNotATerminal(bool errorIsTerminal, string? option)
    {
        var display = new RecordingProgressDisplay();
        List<string> args = ["fleet", .. Logs, "--format", "csv"];
        if (option is not null)
        {
            args.Add(option);
        }

        var run = ProgressRun.Of(display, errorIsTerminal, outputIsTerminal: false, new DiagnosisService(), [.. args]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(display.Runs);
        Assert.Empty(display.Reports);
        Assert.Contains("finding,by,value", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsFromManyThreadsAreThrottledNeverGoBackAndEndWithAllDone()
    {
        var display = new RecordingProgressDisplay();
        var progress = new FleetProgress(display, TimeSpan.FromHours(1));

        Parallel.For(1, 201, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => progress.Report(new DiagnosisProgress(i, 200, $"log{i}")));

        // The first report passes, the hour-long interval holds back the rest until the last input is done, once.
        Assert.InRange(display.Reports.Count, 1, 2);
        display.AssertMonotone();
        Assert.Equal(200, display.Reports[^1].BytesRead);
        Assert.All(display.Reports, r => Assert.Equal(200, r.TotalBytes));
    }

    [Fact]
    public void OutOfOrderCompletionsNeverMoveTheCountBack()
    {
        var display = new RecordingProgressDisplay();
        var progress = new FleetProgress(display, TimeSpan.Zero);

        foreach (var done in new[] { 1, 3, 2, 4 })
        {
            progress.Report(new DiagnosisProgress(done, 4, "x"));
        }

        Assert.Equal([1L, 3, 3, 4], display.Reports.Select(r => r.BytesRead));
    }
}
