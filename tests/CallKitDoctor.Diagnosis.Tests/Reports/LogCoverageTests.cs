using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Tests.Reports;

public class LogCoverageTests
{
    private static LogEntry At(int second, string process) => new("m")
    {
        Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, second), TimeSpan.FromHours(11)),
        Process = process,
    };

    [Fact]
    public void TracksWindowOverallAndPerProcess()
    {
        var coverage = new LogCoverage();
        coverage.Observe(At(30, "callservicesd"));
        coverage.Observe(At(10, "Glip"));
        coverage.Observe(At(50, "callservicesd"));
        coverage.Observe(new LogEntry("no time"));

        Assert.Equal(4, coverage.Entries);
        Assert.Equal(10, coverage.First!.Value.Local.Second);
        Assert.Equal(50, coverage.Last!.Value.Local.Second);
        Assert.Equal(2, coverage.Processes["callservicesd"].Entries);
        Assert.Equal(30, coverage.Processes["callservicesd"].First.Local.Second);
        Assert.True(coverage.HasProcess("GLIP"));
        Assert.False(coverage.HasProcess("audiomxd"));
    }
}
