using System.Text.Json;
using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Tests.Fixtures;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Cli.Tests.Commands;

public sealed class DiagnoseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("callkit-doctor-cli-").FullName;
    private readonly string _log;

    public DiagnoseCommandTests()
    {
        _log = Path.Combine(_dir, "device.log");
        File.WriteAllText(_log, "a log line\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TextReportOnStdoutExitZero()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "diagnose", _log);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Contains("Call 1 · incoming", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("ACTIVATION-FAILED", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 unparsed line", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stdout);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("text")]
    public void EachFormatWritesItsKindOfDocument(string format)
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "diagnose", _log, "--format", format);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        switch (format)
        {
            case "json":
                using (var doc = JsonDocument.Parse(run.Stdout))
                {
                    Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
                    Assert.Equal("callkit-doctor", doc.RootElement.GetProperty("tool").GetProperty("name").GetString());
                    Assert.Equal("0.1.0", doc.RootElement.GetProperty("tool").GetProperty("version").GetString());
                    Assert.Equal("activation-failed", doc.RootElement.GetProperty("calls")[0].GetProperty("verdict").GetString());
                }

                break;
            case "markdown":
                Assert.StartsWith("# CallKit Doctor report: device.log", run.Stdout, StringComparison.Ordinal);
                break;
            case "html":
                Assert.StartsWith("<!DOCTYPE html>", run.Stdout, StringComparison.Ordinal);
                Assert.Contains("<svg class=\"swimlane\"", run.Stdout, StringComparison.Ordinal);
                break;
            default:
                Assert.StartsWith("CallKit Doctor", run.Stdout, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void InputFormatIsPassedToTheReader()
    {
        var service = new FakeDiagnosisService();
        CliRun.Of(service, "diagnose", _log, "--input-format", "log-show");
        CliRun.Of(service, "diagnose", _log);

        Assert.Equal([(_log, LogInputFormat.LogShowDefault), (_log, LogInputFormat.Auto)], service.Calls);
    }

    [Fact]
    public void FailOnAFindingThatOccursExitsOneAndNamesIt()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "diagnose", _log, "--fail-on", "workaround-missing");

        Assert.Equal(ExitCodes.FailOnFinding, run.ExitCode);
        Assert.Equal("callkit-doctor: --fail-on: found workaround-missing (2)", Assert.Single(run.StderrLines));
        Assert.Contains("Call 1", run.Stdout, StringComparison.Ordinal); // the report is still written
    }

    [Fact]
    public void FailOnFindingsThatDoNotOccurExitsZero()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "diagnose", _log, "--fail-on", "provider-reset");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    [Theory]
    [InlineData("provider-reset,session-id-zero")]
    [InlineData("provider-reset, SESSION-ID-ZERO")]
    public void FailOnTakesACommaSeparatedList(string list)
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "diagnose", _log, "--fail-on", list);

        Assert.Equal(ExitCodes.FailOnFinding, run.ExitCode);
        Assert.Contains("session-id-zero (1)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FailOnCanBeRepeated()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "diagnose", _log, "--fail-on", "provider-reset", "--fail-on", "session-id-zero");

        Assert.Equal(ExitCodes.FailOnFinding, run.ExitCode);
    }

    [Fact]
    public void UnknownFailOnIdIsBadUsageListingTheValidIds()
    {
        var service = new FakeDiagnosisService();
        var run = CliRun.Of(service, "diagnose", _log, "--fail-on", "session-id-zero,no-such-thing");

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.Equal("callkit-doctor: unknown finding id 'no-such-thing' in --fail-on; valid ids: session-id-zero, workaround-missing, provider-reset", line);
        Assert.Empty(service.Calls); // rejected before reading anything
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void MissingFileExitsTwoWithOneLine()
    {
        var missing = Path.Combine(_dir, "nope.log");
        var run = CliRun.Of(new FakeDiagnosisService(), "diagnose", missing);

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Equal($"callkit-doctor: cannot read {missing}: no such file or directory", Assert.Single(run.StderrLines));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("text")]
    public void AStreamedDiagnosisWritesTheReportAKeptOneWrites(string format)
    {
        var kept = CliRun.Of(new FakeDiagnosisService(), "diagnose", _log, "--format", format, "--fail-on", "workaround-missing");
        var service = new FakeDiagnosisService(streams: true);
        var streamed = CliRun.Of(service, "diagnose", _log, "--format", format, "--fail-on", "workaround-missing");

        Assert.Single(service.Sinks);
        Assert.Equal(kept.Stdout, streamed.Stdout);
        Assert.Contains("activation-failed", streamed.Stdout, StringComparison.OrdinalIgnoreCase);
        // --fail-on counts the findings of streamed calls too.
        Assert.Equal(ExitCodes.FailOnFinding, streamed.ExitCode);
        Assert.Equal(kept.Stderr, streamed.Stderr);
        Assert.Contains("workaround-missing (2)", streamed.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(SpillFolderOf(service)));
    }

    [Theory]
    [InlineData(typeof(IOException), ExitCodes.UsageOrInput)]
    [InlineData(typeof(OperationCanceledException), ExitCodes.Cancelled)]
    [InlineData(typeof(InvalidOperationException), ExitCodes.InternalError)]
    public void AFailureAfterCallsWereSpilledDeletesTheSpillFolderAndWritesNothing(Type failure, int exitCode)
    {
        var service = new FakeDiagnosisService((Exception)Activator.CreateInstance(failure, "failed mid-read")!, streams: true);
        var target = Path.Combine(_dir, "report.json");
        var run = CliRun.Of(service, "diagnose", _log, "--format", "json", "--output", target);

        Assert.Equal(exitCode, run.ExitCode);
        var folder = SpillFolderOf(service);
        Assert.StartsWith(Path.GetTempPath(), folder, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
        Assert.False(File.Exists(target));
        Assert.Equal("", run.Stdout);
    }

    /// <summary>The spill folder the streamed diagnosis's sink used (recorded while it existed).</summary>
    private static string SpillFolderOf(FakeDiagnosisService service) =>
        Assert.Single(service.SpillFolders) ?? throw new InvalidOperationException("no spill folder");

    [Fact]
    public void UnreadableInputExitsTwoWithTheReason()
    {
        var run = CliRun.Of(new FakeDiagnosisService(new IOException("permission denied\nat byte 12")), "diagnose", _log);

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.Equal($"callkit-doctor: cannot read {_log}: permission denied at byte 12", Assert.Single(run.StderrLines));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void ABugIsExitThreeNotAFailOnResult()
    {
        var run = CliRun.Of(new FakeDiagnosisService(new InvalidOperationException("boom")), "diagnose", _log);

        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        Assert.StartsWith("callkit-doctor: internal error: InvalidOperationException: boom", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void CancellationExitsWithTheInterruptCode()
    {
        var run = CliRun.Of(new FakeDiagnosisService(new OperationCanceledException()), "diagnose", _log);

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Equal("callkit-doctor: cancelled", Assert.Single(run.StderrLines));
    }

    [Theory]
    [InlineData("diagnose")]
    [InlineData("diagnose", "LOG", "--format", "pdf")]
    [InlineData("diagnose", "LOG", "--input-format", "tracev9")]
    [InlineData("diagnose", "LOG", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData]
    public void BadUsageExitsTwoWithOneLineAndAHelpHint(params string[] args)
    {
        var service = new FakeDiagnosisService();
        var run = CliRun.Of(service, args.Select(a => a == "LOG" ? _log : a).ToArray());

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("callkit-doctor: ", line, StringComparison.Ordinal);
        Assert.Contains("--help)", line, StringComparison.Ordinal);
        Assert.Empty(service.Calls);
    }

    [Fact]
    public void BadFormatMessageNamesTheChoices()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "diagnose", _log, "--format", "pdf");

        Assert.Contains("'pdf'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'markdown'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(see callkit-doctor diagnose --help)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputFileReceivesTheReportAndStdoutStaysEmpty()
    {
        var target = Path.Combine(_dir, "report.html");
        var run = CliRun.Of(new FakeDiagnosisService(), terminal: true, noColorVariable: false, "diagnose", _log, "--format", "html", "--output", target);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void TextIntoAFileHasNoColourEvenFromATerminal()
    {
        var target = Path.Combine(_dir, "report.txt");
        CliRun.Of(new FakeDiagnosisService(), terminal: true, noColorVariable: false, "diagnose", _log, "-o", target);

        var text = File.ReadAllText(target);
        Assert.Contains("Call 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void UnwritableOutputExitsTwo()
    {
        var run = CliRun.Of(new FakeDiagnosisService(), "diagnose", _log, "--output", Path.Combine(_dir, "no", "such", "dir", "r.json"));

        Assert.Equal(ExitCodes.UsageOrInput, run.ExitCode);
        Assert.StartsWith("callkit-doctor: cannot write ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, false, true)]
    [InlineData(true, true, false, false)]
    [InlineData(true, false, true, false)]
    [InlineData(false, false, false, false)]
    public void ColoursOnlyOnATerminalWithoutNoColor(bool terminal, bool noColorVariable, bool noColorOption, bool expectColour)
    {
        string[] args = noColorOption ? ["diagnose", _log, "--no-color"] : ["diagnose", _log];
        var run = CliRun.Of(new FakeDiagnosisService(), terminal, noColorVariable, args);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(expectColour, run.Stdout.Contains('\u001b'));
    }
}
