using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Tests.Diagnoser;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Tests.Reports;

/// <summary>
/// Store windows (a sysdiagnose's Persist, Special, HighVolume… earliest and latest entry) decide coverage: a moment
/// before the stores that keep ordinary lines is "not logged", even when another store reaches further back.
/// </summary>
public class LogCoverageStoreTests
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(11);

    private static LogTimestamp At(int second) => new(new DateTime(2025, 10, 23, 16, 0, 0).AddSeconds(second), Offset);

    private static DateTimeOffset Instant(int second) => At(second).Instant!.Value;

    private static LogEntry Entry(int second, string source = "log.txt") => new("m")
    {
        Timestamp = At(second),
        Process = "callservicesd",
        Location = InputLocation.Binary(source, second),
    };

    private static LogCoverage Covering(int from, int to, params LogStoreWindow[] windows)
    {
        var coverage = new LogCoverage { StoreWindows = windows };
        for (var s = from; s <= to; s++)
        {
            coverage.Observe(Entry(s));
        }

        return coverage;
    }

    [Fact]
    public void TextLogCoversFromItsFirstEntry()
    {
        var coverage = Covering(0, 100);
        Assert.False(coverage.HasStores);
        Assert.True(coverage.Covers(At(10), At(20)));
        Assert.Equal(At(0), coverage.LoggedFrom);
    }

    [Fact]
    public void MomentBeforePersistWindowIsNotCoveredEvenWhenSpecialReachesBack()
    {
        var coverage = Covering(0, 100,
            new LogStoreWindow(LogStoreKind.Persist, Instant(50), Instant(100), 51, 1),
            new LogStoreWindow(LogStoreKind.Special, Instant(0), Instant(100), 101, 1));

        Assert.True(coverage.HasStores);
        Assert.False(coverage.Covers(At(10), At(20)));
        Assert.True(coverage.Covers(At(60), At(70)));
        Assert.Equal(At(50), coverage.LoggedFrom);
    }

    [Fact]
    public void LiveDataCountsAsAStoreOfOrdinaryLines()
    {
        var coverage = Covering(0, 100,
            new LogStoreWindow(LogStoreKind.Persist, Instant(50), Instant(100), 51, 1),
            new LogStoreWindow(LogStoreKind.LiveData, Instant(5), Instant(100), 96, 1),
            new LogStoreWindow(LogStoreKind.HighVolume, Instant(0), Instant(100), 101, 1));

        Assert.True(coverage.Covers(At(10), At(20)));
        Assert.False(coverage.Covers(At(2), At(20)));
    }

    [Fact]
    public void OnlySpecialAndSignpostStoresCoverNoOrdinaryLine()
    {
        var coverage = Covering(0, 100,
            new LogStoreWindow(LogStoreKind.Special, Instant(0), Instant(100), 101, 1),
            new LogStoreWindow(LogStoreKind.Signpost, Instant(0), Instant(100), 101, 1));

        Assert.Null(coverage.LoggedFrom);
        Assert.False(coverage.Covers(At(10), At(20)));
    }

    [Fact]
    public void StoresAreTrackedFromTheEntriesTracev3FilesWithoutWindows()
    {
        var coverage = new LogCoverage();
        for (var s = 0; s < 50; s++)
        {
            coverage.Observe(Entry(s, "sysdiagnose/system_logs.logarchive/Special/0000000000000001.tracev3"));
        }

        for (var s = 50; s <= 100; s++)
        {
            coverage.Observe(Entry(s, "sysdiagnose/system_logs.logarchive/Persist/0000000000000002.tracev3"));
        }

        Assert.True(coverage.HasStores);
        Assert.Equal(At(50), coverage.LoggedFrom);
        Assert.False(coverage.Covers(At(10), At(20)));
        Assert.True(coverage.Covers(At(55), At(65)));
    }

    [Fact]
    public void PastTheKeptGapsLaterWindowsAreNotCovered()
    {
        var coverage = new LogCoverage(TimeSpan.FromSeconds(1));
        var second = 0;
        for (var i = 0; i <= LogCoverage.MaxGaps + 10; i++, second += 2)
        {
            coverage.Observe(Entry(second));
        }

        Assert.True(coverage.GapsTruncated);
        var lastKept = coverage.Gaps[^1];
        Assert.False(coverage.Covers(lastKept.To, lastKept.To.Add(TimeSpan.FromSeconds(100))));
        Assert.True(coverage.Covers(At(0), At(0)));
    }

    [Fact]
    public void WorkaroundMissingIsACoverageGapWhenThePushPredatesThePersistStore()
    {
        // The push is in the log (callservicesd's Special store reaches back), but Persist, which would hold the
        // app's setConfiguration, starts only after it: the configuration may have been logged and rotated away.
        var report = Push(new LogStoreWindow(LogStoreKind.Persist, Scenario.At(11).Instant, Scenario.At(60).Instant, 50, 1),
            new LogStoreWindow(LogStoreKind.Special, Scenario.At(0).Instant, Scenario.At(60).Instant, 60, 1));

        var call = Assert.Single(report.Calls);
        Assert.DoesNotContain(call.Findings, f => f.Id == "workaround-missing");
        var gap = Assert.Single(call.Findings, f => f.Id == "log-coverage-gap");
        Assert.Contains("Persist", gap.Message);
    }

    [Fact]
    public void WorkaroundMissingIsReportedWhenThePersistStoreCoversThePush()
    {
        var report = Push(new LogStoreWindow(LogStoreKind.Persist, Scenario.At(0).Instant, Scenario.At(60).Instant, 60, 1));

        var call = Assert.Single(report.Calls);
        Assert.Contains(call.Findings, f => f.Id == "workaround-missing");
        Assert.DoesNotContain(call.Findings, f => f.Id == "log-coverage-gap");
    }

    private static DiagnosisReport Push(params LogStoreWindow[] windows)
    {
        var s = new Scenario { StoreWindows = windows }.Fill(0, 60);
        s.Push(10).Report(12).Answer(14).Activate(14.5).End(20);
        return s.Diagnose();
    }
}
