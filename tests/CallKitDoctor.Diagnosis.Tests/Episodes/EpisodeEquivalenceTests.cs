using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Json;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Diagnosis.Tests.Episodes;

/// <summary>
/// Diagnosing in episodes while the log streams must give the very report a whole-log diagnosis gives: every shared
/// case, the samples and long generated logs are diagnosed both ways and their JSON reports compared.
/// </summary>
public class EpisodeEquivalenceTests
{
    private static readonly DiagnosisOptions AtOnce = DiagnosisOptions.Default with { CutEpisodes = false };

    public static TheoryData<string> SharedCases()
    {
        var data = new TheoryData<string>();
        if (SharedData.PathOf("callkit", "cases") is { } dir && Directory.Exists(dir))
        {
            foreach (var log in Directory.EnumerateFiles(dir, "*.log").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(log));
            }
        }
        else
        {
            data.Add("(shared cases missing)");
        }

        return data;
    }

    public static TheoryData<string> Samples() =>
        new(Directory.EnumerateFiles(RepositoryRoot.PathOf("samples"))
            .Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.EndsWith(".ndjson", StringComparison.Ordinal) || f.EndsWith(".tar.gz", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    [SkippableTheory]
    [MemberData(nameof(SharedCases))]
    public void SharedCaseReportIsTheSameInEpisodes(string file)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var path = SharedData.PathOf("callkit", "cases", file)!;
        AssertSameBothWays(() => LogSources.Open(path));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleReportIsTheSameInEpisodes(string file)
    {
        var path = RepositoryRoot.PathOf("samples", file);
        AssertSameBothWays(() => LogSources.Open(path));
    }

    [Fact]
    public void CallsSeparatedByQuietStretchesAreCutIntoEpisodesWithTheSameReport()
    {
        // Ended calls, 45 s to 5 min apart: every repetition is its own episode.
        var text = Builder().Build(12, i => TimeSpan.FromSeconds(i % 3 == 0 ? 300 : 45), endLastCall: true);
        var (cut, whole) = AssertSameBothWays(() => TextSource(text));
        Assert.Equal(12, cut.Episodes);
        Assert.Equal(1, whole.Episodes);
        Assert.Equal(0, cut.LateEvents);
        Assert.Equal(36, cut.Calls.Count);
        Assert.Contains(cut.AllFindings, f => f.Id == "workaround-missing");
    }

    [Fact]
    public void QuietStretchesShorterThanTheLongestWindowDoNotCut()
    {
        // 20 s apart is inside the 30 s push-report window: nothing may be cut.
        var text = Builder().Build(6, _ => TimeSpan.FromSeconds(20), endLastCall: true);
        var (cut, _) = AssertSameBothWays(() => TextSource(text));
        Assert.Equal(1, cut.Episodes);
    }

    [Fact]
    public void ACallLeftOpenBlocksTheCut()
    {
        // The sample's last call never ends: while it is open, later events may still join it.
        var text = Builder().Build(6, _ => TimeSpan.FromMinutes(2), endLastCall: false);
        var (cut, _) = AssertSameBothWays(() => TextSource(text));
        Assert.Equal(1, cut.Episodes);
    }

    [Fact]
    public void MixedGapsAndOpenCallsGiveTheSameReport()
    {
        var random = new Random(7);
        var gaps = Enumerable.Range(0, 20).Select(_ => TimeSpan.FromSeconds(random.Next(1, 120))).ToArray();
        var text = Builder().Build(20, i => gaps[i], endLastCall: true, untimedChatter: true);
        var (cut, _) = AssertSameBothWays(() => TextSource(text));
        Assert.True(cut.Episodes > 1, $"expected some episodes, got {cut.Episodes}");
    }

    [Fact]
    public void OutOfOrderSegmentPastedAfterACutIsCountedAsLate()
    {
        // The last copy is pasted before the one before it: the time-sorted whole-log reading and the streaming one may
        // differ, and the report says that it happened.
        var text = Builder().Build(4, _ => TimeSpan.FromMinutes(1), endLastCall: true, pasteOutOfOrder: true);
        var cut = Diagnose(TextSource(text), DiagnosisOptions.Default);
        Assert.True(cut.LateEvents > 0);
        Assert.Equal(12, cut.Calls.Count);
    }

    [Fact]
    public void OutOfOrderEventsWithinAnEpisodeAreSortedLikeTheWholeLog()
    {
        // Without any cut before the disorder, the streaming reading re-sorts the episode and matches exactly.
        var text = Builder().Build(2, _ => TimeSpan.FromSeconds(10), endLastCall: true, pasteOutOfOrder: true);
        var (cut, _) = AssertSameBothWays(() => TextSource(text));
        Assert.Equal(0, cut.LateEvents);
    }

    [Fact]
    public void CapturesLaidEndToEndAreReadStretchByStretchNotAsOneGrowingEpisode()
    {
        // `cat` of the same capture again and again: the clock jumps back at every copy. Once out of order, a second
        // jump ends the stretch, so episodes keep closing and every copy's calls come out; the whole-log run instead
        // sorts all copies together into one episode.
        var sample = File.ReadAllText(RepositoryRoot.PathOf("samples", "seed-production-failure.log"));
        var body = sample[(sample.IndexOf('\n') + 1)..];
        var single = Diagnose(TextSource(sample), DiagnosisOptions.Default);
        const int copies = 40;

        var laid = Diagnose(TextSource(sample + string.Concat(Enumerable.Repeat(body, copies - 1))), DiagnosisOptions.Default);

        Assert.True(single.Calls.Count > 0);
        // Two copies sorted into one stretch interleave (same times twice), which can split their calls: at least
        // every copy's calls, and the stretches keep closing.
        Assert.InRange(laid.Calls.Count, single.Calls.Count * copies, single.Calls.Count * copies * 3);
        Assert.True(laid.Episodes >= copies / 2, $"{laid.Episodes} episodes for {copies} copies");
    }

    private static LongLogBuilder Builder() => new(File.ReadAllText(RepositoryRoot.PathOf("samples", "seed-production-failure.log")));

    private static ILogEntrySource TextSource(string text) => LogSources.FromText(text, "generated.log");

    private static DiagnosisReport Diagnose(ILogEntrySource source, DiagnosisOptions options) =>
        new CallDiagnoser(SignatureMatcher.Default, options).Diagnose(source);

    private static (DiagnosisReport Cut, DiagnosisReport Whole) AssertSameBothWays(Func<ILogEntrySource> open)
    {
        var cut = Diagnose(open(), DiagnosisOptions.Default);
        var whole = Diagnose(open(), AtOnce);
        Assert.Equal(Json(whole), Json(cut));
        Assert.Equal(whole.OtherEvents.Count, cut.OtherEvents.Count);
        return (cut, whole);
    }

    private static string Json(DiagnosisReport report)
    {
        using var writer = new StringWriter();
        new JsonReportRenderer().Render(report, writer);
        return writer.ToString();
    }
}
