using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Fleet.Diagnoses;

namespace CallKitDoctor.Cli.Tests.Fleet;

public sealed class FleetProgressBarTests
{
    [Fact]
    public void The_bar_redraws_in_place_fills_with_progress_and_is_cleared_at_the_end()
    {
        using var error = new StringWriter();
        using (var bar = new FleetProgressBar(error, 80))
        {
            bar.Report(new DiagnosisProgress(1, 4, "/logs/first.log"));
            bar.Report(new DiagnosisProgress(4, 4, "/logs/a-very-long-name-that-does-not-fit-in-the-room-left-on-the-line.tar.gz"));
        }

        var draws = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, draws.Length);
        Assert.Contains("[##########------------------------------] 1/4 first.log", draws[0], StringComparison.Ordinal);
        Assert.Contains("[########################################] 4/4 …", draws[1], StringComparison.Ordinal);
        Assert.All(draws.Take(2), d => Assert.True(d.Length - "\u001b[2K".Length <= 80, $"line wider than the terminal: {d.Length}"));
        Assert.Equal("\u001b[2K", draws[2]);
    }

    [Fact]
    public void Nothing_is_written_when_nothing_was_reported()
    {
        using var error = new StringWriter();
        new FleetProgressBar(error, 80).Dispose();
        Assert.Equal("", error.ToString());
    }
}
