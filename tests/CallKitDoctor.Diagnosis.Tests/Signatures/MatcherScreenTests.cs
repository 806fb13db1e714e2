using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Diagnosis.Tests.Episodes;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Json;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

/// <summary>
/// The matcher as a reader's screen (<see cref="SignatureMatcher.Wants"/>): it may turn an entry down only when
/// <see cref="SignatureMatcher.Match"/> would find nothing in it, so a screened diagnosis gives the very report an
/// unscreened one gives, on every shared case, the samples and generated logs.
/// </summary>
public class MatcherScreenTests
{
    private static readonly SignatureMatcher Matcher = SignatureMatcher.Default;

    public static TheoryData<SignatureExample> Examples()
    {
        var data = new TheoryData<SignatureExample>();
        foreach (var example in SignatureExamples.All)
        {
            data.Add(example);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExampleLineIsWanted(SignatureExample example)
    {
        var entry = EntryFactory.Rendered(example.Line, example.Process);
        Assert.NotNull(Matcher.Match(entry));
        Assert.True(Matcher.Wants(PreviewOf(entry)));
    }

    [Fact]
    public void OrdinarySystemChatterIsTurnedDown()
    {
        Assert.False(Matcher.Wants(new EntryPreview
        {
            Process = "locationd",
            Subsystem = "com.apple.locationd.Core",
            Message = "Client com.apple.springboard disconnected",
        }));
        Assert.False(Matcher.Wants(new EntryPreview { Process = "callservicesd", Message = "" }));
    }

    [Fact]
    public void AnAnchorFromAnotherProcessIsTurnedDown()
    {
        // The anchor of a callservicesd-only line, logged by a daemon no signature with that anchor names.
        const string line = "Received -[CXCallSource reportNewIncomingCallWithUUID:update:reply:] with UUID: <private> update: <private>";
        Assert.True(Matcher.Wants(new EntryPreview { Process = "callservicesd", Subsystem = "com.apple.calls.callkit", Message = line }));
        Assert.False(Matcher.Wants(new EntryPreview { Process = "callservicesd", Subsystem = "com.apple.locationd.Core", Message = line }));
    }

    [Fact]
    public void EntriesWithAFormatStringAreAlwaysWanted()
    {
        Assert.True(Matcher.Wants(new EntryPreview { Process = "locationd", FormatString = "%@", Message = "nothing known" }));
    }

    [Fact]
    public void AScreenedOutEntryNeverMatches()
    {
        const string line = "Provider <private> was asked to report a new incoming call with UUID: <private> update: <private>";
        Assert.NotNull(Matcher.Match(new LogEntry(line) { Process = "MyCallingApp" }));
        Assert.Null(Matcher.Match(new LogEntry(line) { Process = "MyCallingApp", IsScreenedOut = true }));
    }

    [Fact]
    public void TurnedDownLinesOfTheSampleAreLinesNothingMatches()
    {
        var path = RepositoryRoot.PathOf("samples", "seed-production-failure.log");
        var (wanted, matched) = WantedAndMatched(() => LogSources.Open(path));
        Assert.NotEmpty(matched);
        Assert.Subset(wanted.ToHashSet(), matched.ToHashSet());
        Assert.True(wanted.Count < CountEntries(path), "the screen should turn some of the sample's lines down");
    }

    public static TheoryData<string> SharedCases() => EpisodeEquivalenceTests.SharedCases();

    [SkippableTheory]
    [MemberData(nameof(SharedCases))]
    public void SharedCaseReportIsTheSameScreened(string file)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var path = SharedData.PathOf("callkit", "cases", file)!;
        var (wanted, matched) = WantedAndMatched(() => LogSources.Open(path));
        Assert.Subset(wanted.ToHashSet(), matched.ToHashSet());
        AssertSameReport(() => LogSources.Open(path));
    }

    [Theory]
    [MemberData(nameof(EpisodeEquivalenceTests.Samples), MemberType = typeof(EpisodeEquivalenceTests))]
    public void SampleReportIsTheSameScreened(string file)
    {
        var path = RepositoryRoot.PathOf("samples", file);
        AssertSameReport(() => LogSources.Open(path));
    }

    [Fact]
    public void GeneratedLogReportIsTheSameScreened()
    {
        var random = new Random(11);
        var gaps = Enumerable.Range(0, 30).Select(_ => TimeSpan.FromSeconds(random.Next(1, 120))).ToArray();
        var builder = new LongLogBuilder(File.ReadAllText(RepositoryRoot.PathOf("samples", "seed-production-failure.log")));
        var text = builder.Build(30, i => gaps[i], endLastCall: true, untimedChatter: true);
        var report = AssertSameReport(() => LogSources.FromText(text, "generated.log"));
        Assert.True(report.Calls.Count > 30);
    }

    private static EntryPreview PreviewOf(LogEntry entry) => new()
    {
        Process = entry.Process,
        Subsystem = entry.Subsystem,
        Category = entry.Category,
        Level = entry.Level,
        FormatString = entry.FormatString,
        Message = entry.EventMessage,
    };

    /// <summary>
    /// The locations the screen let through in a screened read, and the locations of entries the matcher recognises in
    /// an unscreened read (those must be a subset of the first).
    /// </summary>
    private static (List<InputLocation> Wanted, List<InputLocation> Matched) WantedAndMatched(Func<ILogEntrySource> open)
    {
        var source = open();
        IEnumerable<LogEntry> screened = source is IScreenedEntrySource s ? s.ReadEntries(Matcher) : source.ReadEntries();
        var wanted = screened.Where(e => !e.IsScreenedOut).Select(e => e.Location).ToList();
        var matched = open().ReadEntries().Where(e => Matcher.Match(e) is not null).Select(e => e.Location).ToList();
        return (wanted, matched);
    }

    private static long CountEntries(string path) => LogSources.Open(path).ReadEntries().LongCount();

    private static DiagnosisReport AssertSameReport(Func<ILogEntrySource> open)
    {
        var screened = CallDiagnoser.CreateDefault().Diagnose(open());
        var plain = CallDiagnoser.CreateDefault().Diagnose(new UnscreenedSource(open()));
        Assert.Equal(Json(plain), Json(screened));
        Assert.Equal(plain.RecognisedEvents, screened.RecognisedEvents);
        Assert.Equal(plain.Coverage.Entries, screened.Coverage.Entries);
        Assert.Equal(plain.Coverage.TimedEntries, screened.Coverage.TimedEntries);
        Assert.Equal(plain.Coverage.Gaps, screened.Coverage.Gaps);
        return screened;
    }

    private static string Json(DiagnosisReport report)
    {
        using var writer = new StringWriter();
        new JsonReportRenderer().Render(report, writer);
        return writer.ToString();
    }

    /// <summary>Hides a source's screening, so that every entry is built whole.</summary>
    private sealed class UnscreenedSource(ILogEntrySource inner) : ILogEntrySource
    {
        public string Name => inner.Name;

        public LogReadSummary Summary => inner.Summary;

        public CaptureContext Context => inner.Context;

        public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default) => inner.ReadEntries(cancellationToken);
    }
}
