using CallKitDoctor.Cli.Progress;

namespace CallKitDoctor.Cli.Tests.Progress;

/// <summary>The Spectre bar redraws when a report arrives and never on its own (no refresh thread spending CPU on an unchanged bar).</summary>
public sealed class SpectreProgressDisplayTests
{
    [Fact]
    public void NothingIsRedrawnBetweenReports()
    {
        using var terminal = new StringWriter();
        var display = new SpectreProgressDisplay(terminal);

        var (beforeWait, afterWait, afterReport) = display.Run("archive.tar.gz", 1000, sink =>
        {
            var before = terminal.GetStringBuilder().Length;
            Thread.Sleep(800);
            var after = terminal.GetStringBuilder().Length;
            sink!.Report(new ReadProgress(500, 1000, 12_345, TimeSpan.FromSeconds(1)));
            return (before, after, terminal.GetStringBuilder().Length);
        });

        Assert.Equal(beforeWait, afterWait);
        Assert.True(afterReport > afterWait, "a report redraws the bar");
        Assert.Contains("12,345 entries", terminal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BatchesShowInputsDoneAndTheLastName()
    {
        using var terminal = new StringWriter();
        var display = new SpectreProgressDisplay(terminal);

        var result = display.Run("3 inputs", 3, sink =>
        {
            sink!.Report(new ReadProgress(2, 3, 0, TimeSpan.FromSeconds(1), "/logs/second.tar.gz"));
            return 42;
        }, ProgressUnit.Items);

        Assert.Equal(42, result);
        Assert.Contains("2/3 second.tar.gz", terminal.ToString(), StringComparison.Ordinal);
    }
}
