using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;
using CallKitDoctor.Cli.Tests.Fixtures;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Cli.Tests.EndToEnd;

/// <summary>
/// Every real case in <c>../shared/callkit/cases</c> through the CLI: the JSON output is valid, and it meets the
/// expectations in the first lines of the case's .md (<c>expect-findings</c>, <c>expect-verdict</c>, <c>expect-absent</c>).
/// </summary>
public class SharedCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var dir = SharedData.PathOf("callkit", "cases");
        if (dir is null || !Directory.Exists(dir))
        {
            data.Add("(no shared cases)");
            return data;
        }

        foreach (var log in Directory.EnumerateFiles(dir, "*.log").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(log));
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void CaseMeetsItsExpectationsThroughTheCli(string caseFile)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var log = SharedData.PathOf("callkit", "cases", caseFile)!;
        var expectations = CaseExpectations.Read(Path.ChangeExtension(log, ".md"));

        var run = CliRun.Of(new DiagnosisService(), "diagnose", log, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(DiagnosisSchema.Errors(run.Stdout));
        var report = JsonReport.Parse(run.Stdout);
        Assert.All(expectations.Findings, id => Assert.Contains(id, report.FindingIds));
        Assert.All(expectations.Absent, id => Assert.DoesNotContain(id, report.FindingIds));
        if (expectations.Verdict is { } verdict)
        {
            Assert.Contains(verdict, report.Verdicts);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void FailOnTheExpectedFindingsExitsOne(string caseFile)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var log = SharedData.PathOf("callkit", "cases", caseFile)!;
        var expectations = CaseExpectations.Read(Path.ChangeExtension(log, ".md"));
        Skip.If(expectations.Findings.Count == 0 && expectations.Absent.Count == 0, "the case expects no particular finding");

        if (expectations.Findings.Count > 0)
        {
            Assert.Equal(ExitCodes.FailOnFinding, CliRun.Of(new DiagnosisService(), "diagnose", log, "--format", "json", "--fail-on", string.Join(',', expectations.Findings)).ExitCode);
        }

        if (expectations.Absent.Count > 0)
        {
            Assert.Equal(ExitCodes.Success, CliRun.Of(new DiagnosisService(), "diagnose", log, "--format", "json", "--fail-on", string.Join(',', expectations.Absent)).ExitCode);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void EveryFormatRendersTheCase(string caseFile)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var log = SharedData.PathOf("callkit", "cases", caseFile)!;

        foreach (var format in new[] { "text", "markdown", "html" })
        {
            var run = CliRun.Of(new DiagnosisService(), "diagnose", log, "--format", format);
            Assert.Equal(ExitCodes.Success, run.ExitCode);
            Assert.Equal("", run.Stderr);
            Assert.NotEmpty(run.Stdout);
        }
    }
}
