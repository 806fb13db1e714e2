using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Tests.Fixtures;
using static CallKitDoctor.Cli.Tests.Show.ShownEntry;

namespace CallKitDoctor.Cli.Tests.Show;

/// <summary><c>show</c>'s level defaults, time window, <c>--timezone</c> and the one-line errors of bad options.</summary>
public sealed class ShowOptionTests(ShowInputs inputs) : IClassFixture<ShowInputs>
{
    private static readonly string[] Everything = ["--info", "--debug", "--signpost"];

    [Theory]
    [InlineData(new string[0], new[] { "Default", "Error", "Fault" }, false)]
    [InlineData(new[] { "--info" }, new[] { "Default", "Info", "Error", "Fault" }, false)]
    [InlineData(new[] { "--debug" }, new[] { "Default", "Info", "Debug", "Error", "Fault" }, false)]
    [InlineData(new[] { "--signpost" }, new[] { "Default", "Error", "Fault" }, true)]
    [InlineData(new[] { "--info", "--debug", "--signpost" }, new[] { "Default", "Info", "Debug", "Error", "Fault" }, true)]
    public void LevelsAreThoseOfLogShow(string[] flags, string[] levels, bool signposts)
    {
        var all = Run([inputs.TextLog, .. Everything]);
        var shown = Run([inputs.TextLog, .. flags]);

        var expected = all.Where(e => levels.Contains(e.MessageType) && (signposts || e.EventType != "signpostEvent")).ToList();
        Assert.Equal(expected, shown);
        Assert.Equal(signposts, shown.Any(e => e.EventType == "signpostEvent"));
    }

    [Theory]
    [InlineData("--start", "2025-10-23 16:00:03", null, 3, 9)]
    [InlineData("--end", "2025-10-23 16:00:03.3+1100", null, 0, 3)]
    [InlineData("--start", "2025-10-23 16:00:02", "2025-10-23 16:00:05", 2, 4)]
    [InlineData("--start", "2025-10-23 16:00:02.2", "2025-10-23 16:00:05.5", 2, 5)]
    [InlineData("--start", "2025-10-23 05:00:03+0000", null, 3, 9)]
    [InlineData("--start", "2025-10-22T21:00:03-0800", null, 3, 9)]
    public void TimeWindowKeepsTheEntriesInIt(string option, string value, string? end, int first, int last)
    {
        string[] args = end is null ? [inputs.TextLog, option, value, .. Everything] : [inputs.TextLog, option, value, "--end", end, .. Everything];
        var shown = Run(args);

        // The export's entry i is at 16:00:0i.i+1100.
        Assert.Equal(Enumerable.Range(first, last - first + 1).Select(i => $"2025-10-23 16:00:0{i}.{i}00000+1100"), shown.Select(e => e.Timestamp));
    }

    [Fact]
    public void StartWithoutOffsetIsOnTheLogsClockOrInTheGivenZone()
    {
        var onLogClock = Run([inputs.TextLog, "--start", "2025-10-23 16:00:08", .. Everything]);
        Assert.Equal(["2025-10-23 16:00:08.800000+1100", "2025-10-23 16:00:09.900000+1100"], onLogClock.Select(e => e.Timestamp));

        // Read in UTC, 16:00:08 is after every entry (they are at 05:00Z).
        Assert.Empty(Run([inputs.TextLog, "--start", "2025-10-23 16:00:08", "--timezone", "UTC", .. Everything]));
        var inUtc = Run([inputs.TextLog, "--start", "2025-10-23 05:00:08", "--timezone", "UTC", .. Everything]);
        Assert.Equal(["2025-10-23 05:00:08.800000+0000", "2025-10-23 05:00:09.900000+0000"], inUtc.Select(e => e.Timestamp));
    }

    [Theory]
    [InlineData("5s", 5)]
    [InlineData("2s", 8)]
    [InlineData("1m", 0)]
    public void LastCountsBackFromTheLogsLastEntry(string last, int first)
    {
        // The last entry is at 16:00:09.9; the log is years old, so counting from now would keep nothing.
        var shown = Run([inputs.TextLog, "--last", last, .. Everything]);

        Assert.Equal(Enumerable.Range(first, 10 - first).Select(i => $"2025-10-23 16:00:0{i}.{i}00000+1100"), shown.Select(e => e.Timestamp));
    }

    [Fact]
    public void LastOnASysdiagnoseCountsBackFromItsLastEntry()
    {
        var all = Run([inputs.SysdiagnoseTarGz]);
        var shown = Run([inputs.SysdiagnoseTarGz, "--last", "10s"]);

        var end = all.Max(e => Instant(e.Timestamp));
        Assert.Equal(all.Where(e => Instant(e.Timestamp) >= end.AddSeconds(-10)), shown);
        Assert.InRange(shown.Count, 1, all.Count - 1);
    }

    [Theory]
    [InlineData("default", "2025-10-23 05:00:03.300000+0000")]
    [InlineData("compact", "2025-10-23 05:00:03.300")]
    [InlineData("syslog", "2025-10-23 05:00:03.300000+0000")]
    [InlineData("json", "2025-10-23 05:00:03.300000+0000")]
    [InlineData("ndjson", "2025-10-23 05:00:03.300000+0000")]
    [InlineData("csv", "2025-10-23 05:00:03.300000+0000")]
    public void TimeZoneChangesThePrintedTimesOfEveryStyle(string style, string utcTime)
    {
        var device = CliRun.Of(new FakeDiagnosisService(), "show", inputs.TextLog, "--style", style, "--end", "2025-10-23 16:00:03.3+1100");
        var utc = CliRun.Of(new FakeDiagnosisService(), "show", inputs.TextLog, "--style", style, "--end", "2025-10-23 16:00:03.3+1100", "--timezone", "UTC");
        var la = CliRun.Of(new FakeDiagnosisService(), "show", inputs.TextLog, "--style", style, "--end", "2025-10-23 16:00:03.3+1100", "--timezone", "America/Los_Angeles");

        Assert.Equal(ExitCodes.Success, utc.ExitCode);
        Assert.Contains(utcTime, utc.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(utcTime, device.Stdout, StringComparison.Ordinal);
        Assert.Contains("2025-10-22 22:00:03.300", la.Stdout, StringComparison.Ordinal);
        Assert.Equal(Lines(device.Stdout), Lines(utc.Stdout));
    }

    [Fact]
    public void TimeZoneKeepsTheInstants()
    {
        var device = Run([inputs.TextLog, .. Everything]);
        var tokyo = Run([inputs.TextLog, "--timezone", "Asia/Tokyo", .. Everything]);

        Assert.Equal(device.Count, tokyo.Count);
        Assert.All(device.Zip(tokyo), pair => Assert.Equal(Instant(pair.First.Timestamp), Instant(pair.Second.Timestamp)));
        Assert.All(tokyo, e => Assert.EndsWith("+0900", e.Timestamp, StringComparison.Ordinal));
        Assert.Equal(device.Select(e => e.EventMessage), tokyo.Select(e => e.EventMessage));
    }

    [Theory]
    [InlineData("subsystem == ", 13, "a value")]
    [InlineData("subsystem \"x\"", 10, "a comparison operator")]
    [InlineData("(process == \"a\"", 15, "')'")]
    [InlineData("process == \"a\" AND", 18, "")]
    [InlineData("nosuchkey == 1", 0, "unknown key 'nosuchkey'")]
    [InlineData("process CONTAINS[q] \"a\"", 17, "expected a comparison option c, d or cd")]
    public void BadPredicateFailsWithPositionAndExpectation(string predicate, int position, string expected)
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "show", inputs.TextLog, "--predicate", predicate);

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("callkit-doctor: --predicate: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains($"at position {position}", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--start", "yesterday", "--start: expected a date YYYY-MM-DD at position 0")]
    [InlineData("--end", "2025-10-23 25:00", "--end: ")]
    [InlineData("--start", "2025-10-23 16:00:3", "--start: expected seconds SS at position 17")]
    [InlineData("--last", "5w", "--last: expected a unit s, m, h or d after 5")]
    [InlineData("--timezone", "Mars/Olympus", "--timezone: unknown time zone 'Mars/Olympus'")]
    public void BadTimeFailsOnOneLine(string option, string value, string message)
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "show", inputs.TextLog, option, value);

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("callkit-doctor: " + message, Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptionsFailBeforeTheInputIsRead()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "show", Path.Combine(inputs.Scratch, "missing.log"), "--predicate", "process ==");

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Contains("--predicate", run.Stderr, StringComparison.Ordinal);
    }

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private static DateTimeOffset Instant(string logTime) =>
        DateTimeOffset.ParseExact(logTime.Insert(logTime.Length - 2, ":"), "yyyy-MM-dd HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
}
