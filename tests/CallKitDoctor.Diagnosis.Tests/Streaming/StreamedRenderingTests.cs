using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Diagnosis.Tests.Episodes;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Diagnosis.Tests.Streaming;

/// <summary>
/// A report streamed call by call (the diagnoser hands finished calls to a <c>ReportStream</c>, which renders them
/// into a spill file) must be, character for character, the report rendered from a diagnosis that kept every call:
/// in all four formats, for every shared case, the samples, and generated logs long enough for calls to be let go
/// while the log is still being read.
/// </summary>
public class StreamedRenderingTests
{
    private static readonly RenderOptions Options = new() { Tool = new ToolInfo("callkit-doctor", "1.2.3"), Width = 100 };

    public static TheoryData<string> SharedCases() => EpisodeEquivalenceTests.SharedCases();

    public static TheoryData<string> Samples() => EpisodeEquivalenceTests.Samples();

    [SkippableTheory]
    [MemberData(nameof(SharedCases))]
    public void SharedCaseStreamsToTheSameReport(string file)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var path = SharedData.PathOf("callkit", "cases", file)!;
        AssertSameInEveryFormat(() => LogSources.Open(path));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleStreamsToTheSameReport(string file)
    {
        var path = RepositoryRoot.PathOf("samples", file);
        AssertSameInEveryFormat(() => LogSources.Open(path));
    }

    [Fact]
    public void ALongLogLetsCallsGoWhileReadingAndStreamsToTheSameReport()
    {
        // 120 episodes of 3 calls: more than EpisodeDiagnosis.RetainedCalls, so calls are handed on mid-log.
        var text = Builder().Build(120, i => TimeSpan.FromSeconds(i % 5 == 0 ? 200 : 45), endLastCall: true);
        var streamed = AssertSameInEveryFormat(() => LogSources.FromText(text, "generated.log"));
        Assert.Equal(360, streamed.CallCount);
        Assert.Equal(360, streamed.StreamedCalls.Calls);
        Assert.Empty(streamed.Calls);
    }

    [Fact]
    public void ALongLogWithUntimedLinesAndOpenCallsStreamsToTheSameReport()
    {
        var random = new Random(11);
        var gaps = Enumerable.Range(0, 110).Select(_ => TimeSpan.FromSeconds(random.Next(1, 120))).ToArray();
        var text = Builder().Build(110, i => gaps[i], endLastCall: true, untimedChatter: true);
        var streamed = AssertSameInEveryFormat(() => LogSources.FromText(text, "generated.log"));
        Assert.True(streamed.Episodes > 10, $"expected many episodes, got {streamed.Episodes}");
    }

    [Fact]
    public void AWholeLogReadingStreamsToTheSameReport()
    {
        var text = Builder().Build(5, _ => TimeSpan.FromSeconds(45), endLastCall: true);
        var atOnce = DiagnosisOptions.Default with { CutEpisodes = false };
        AssertSameInEveryFormat(() => LogSources.FromText(text, "generated.log"), atOnce);
    }

    private static LongLogBuilder Builder() => new(File.ReadAllText(RepositoryRoot.PathOf("samples", "seed-production-failure.log")));

    /// <summary>Diagnoses and renders both ways in each format; returns the last streamed report.</summary>
    private static DiagnosisReport AssertSameInEveryFormat(Func<ILogEntrySource> open, DiagnosisOptions? options = null)
    {
        var diagnoser = new CallDiagnoser(SignatureMatcher.Default, options ?? DiagnosisOptions.Default);
        var kept = diagnoser.Diagnose(open());
        DiagnosisReport? streamed = null;
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var renderer = ReportRenderers.Create(format, Options);
            var expected = Render(renderer, kept);
            string actual;
            string? folder;
            using (var stream = renderer.OpenStream())
            {
                streamed = diagnoser.Diagnose(open(), stream);
                Assert.Equal(kept.CallCount, stream.SpilledCalls);
                folder = stream.SpillFolder;
                using var writer = new StringWriter();
                stream.Complete(streamed, writer);
                actual = writer.ToString();
            }

            Assert.True(expected == actual, $"{format}: streamed output differs at {FirstDifference(expected, actual)}");
            Assert.Empty(streamed.Calls);
            Assert.Equal(kept.CallCount, streamed.CallCount);
            Assert.Equal(kept.LateEvents, streamed.LateEvents);
            Assert.True(folder is null || !Directory.Exists(folder), $"{format}: spill folder {folder} left behind");
        }

        return streamed!;
    }

    private static string Render(IReportRenderer renderer, DiagnosisReport report)
    {
        using var writer = new StringWriter();
        renderer.Render(report, writer);
        return writer.ToString();
    }

    private static string FirstDifference(string expected, string actual)
    {
        var n = Math.Min(expected.Length, actual.Length);
        var i = 0;
        while (i < n && expected[i] == actual[i])
        {
            i++;
        }

        var from = Math.Max(0, i - 80);
        return $"char {i} (lengths {expected.Length} vs {actual.Length}): expected …{expected[from..Math.Min(expected.Length, i + 80)]}… got …{actual[from..Math.Min(actual.Length, i + 80)]}…";
    }
}
