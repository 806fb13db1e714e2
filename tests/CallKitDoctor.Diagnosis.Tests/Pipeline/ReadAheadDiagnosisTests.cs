using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Diagnosis.Tests.Episodes;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Json;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Diagnosis.Tests.Pipeline;

/// <summary>
/// Reading and matching ahead on a second thread (<see cref="DiagnosisOptions.ReadAhead"/>) must not change a report:
/// every shared case, the samples and long generated logs (quiet stretches, out-of-order pastes, captures laid end to
/// end) are diagnosed with and without it, in memory and streamed to a sink, and their JSON reports compared.
/// </summary>
public class ReadAheadDiagnosisTests
{
    private static readonly DiagnosisOptions Sequential = DiagnosisOptions.Default with { ReadAhead = false };
    private static readonly DiagnosisOptions Ahead = DiagnosisOptions.Default with { ReadAhead = true };

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var sample in Directory.EnumerateFiles(RepositoryRoot.PathOf("samples")).Order(StringComparer.Ordinal))
        {
            if (sample.EndsWith(".log", StringComparison.Ordinal) || sample.EndsWith(".ndjson", StringComparison.Ordinal) ||
                sample.EndsWith(".tar.gz", StringComparison.Ordinal))
            {
                data.Add(sample);
            }
        }

        if (SharedData.PathOf("callkit", "cases") is { } dir && Directory.Exists(dir))
        {
            foreach (var log in Directory.EnumerateFiles(dir, "*.log").Order(StringComparer.Ordinal))
            {
                data.Add(log);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FilesReadTheSameAhead(string path) => AssertSame(() => LogSources.Open(path));

    [Fact]
    public void LongGeneratedLogsReadTheSameAhead()
    {
        var sample = File.ReadAllText(RepositoryRoot.PathOf("samples", "seed-production-failure.log"));
        var builder = new LongLogBuilder(sample);
        var random = new Random(11);
        var gaps = Enumerable.Range(0, 60).Select(_ => TimeSpan.FromSeconds(random.Next(1, 200))).ToArray();
        var body = sample[(sample.IndexOf('\n') + 1)..];
        string[] logs =
        [
            builder.Build(60, i => gaps[i], endLastCall: true, untimedChatter: true),
            builder.Build(8, _ => TimeSpan.FromMinutes(1), endLastCall: true, pasteOutOfOrder: true),
            sample + string.Concat(Enumerable.Repeat(body, 30)),
        ];

        foreach (var log in logs)
        {
            var (ahead, _) = AssertSame(() => LogSources.FromText(log, "generated.log"));
            Assert.True(ahead.Input.Lines > 100, $"{ahead.Input.Lines} lines");
        }
    }

    private static (DiagnosisReport Ahead, DiagnosisReport InOrder) AssertSame(Func<ILogEntrySource> open)
    {
        var ahead = new CallDiagnoser(SignatureMatcher.Default, Ahead).Diagnose(open());
        var inOrder = new CallDiagnoser(SignatureMatcher.Default, Sequential).Diagnose(open());
        Assert.Equal(Json(inOrder), Json(ahead));
        Assert.Equal(inOrder.Input.Lines, ahead.Input.Lines);
        Assert.Equal(inOrder.Input.Entries, ahead.Input.Entries);

        var streamedAhead = new CollectingSink();
        var streamedInOrder = new CollectingSink();
        var aheadReport = new CallDiagnoser(SignatureMatcher.Default, Ahead).Diagnose(open(), streamedAhead);
        var inOrderReport = new CallDiagnoser(SignatureMatcher.Default, Sequential).Diagnose(open(), streamedInOrder);
        Assert.Equal(Json(inOrderReport), Json(aheadReport));
        Assert.Equal(streamedInOrder.Calls.Count, streamedAhead.Calls.Count);
        for (var i = 0; i < streamedAhead.Calls.Count; i++)
        {
            Assert.Equal(streamedInOrder.Calls[i].Verdict, streamedAhead.Calls[i].Verdict);
            Assert.Equal(streamedInOrder.Calls[i].Events.Select(e => e.Entry.Location), streamedAhead.Calls[i].Events.Select(e => e.Entry.Location));
            Assert.Equal(streamedInOrder.Calls[i].Findings.Select(f => f.Id), streamedAhead.Calls[i].Findings.Select(f => f.Id));
        }

        return (ahead, inOrder);
    }

    private static string Json(DiagnosisReport report)
    {
        using var writer = new StringWriter();
        new JsonReportRenderer().Render(report, writer);
        return writer.ToString();
    }

    private sealed class CollectingSink : ICallSink
    {
        public List<CallFlow> Calls { get; } = [];

        public void Accept(CallFlow call) => Calls.Add(call);
    }
}
