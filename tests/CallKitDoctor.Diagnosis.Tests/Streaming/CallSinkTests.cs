using CallKitDoctor.Diagnosis.Episodes;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Diagnosis.Tests.Episodes;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Diagnosis.Tests.Streaming;

/// <summary>What the diagnoser hands a call sink: every call once, in order, final, and early enough to be let go.</summary>
public class CallSinkTests
{
    [Fact]
    public void EveryCallReachesTheSinkOnceInOrderWithItsFindings()
    {
        var text = Builder().Build(100, _ => TimeSpan.FromSeconds(45), endLastCall: true);
        var kept = CallDiagnoser.CreateDefault().Diagnose(Source(text));
        var sink = new RecordingSink();
        var streamed = CallDiagnoser.CreateDefault().Diagnose(Source(text), sink);

        Assert.Equal(kept.Calls.Select(c => c.Index), sink.Calls.Select(c => c.Index));
        Assert.Equal(kept.Calls.Select(c => (c.Verdict, c.Events.Count, string.Join(",", c.Findings.Select(f => f.Id)))),
            sink.Calls.Select(c => (c.Verdict, c.Events.Count, string.Join(",", c.Findings.Select(f => f.Id)))));
        Assert.Empty(streamed.Calls);
        Assert.Equal(300, streamed.CallCount);
        Assert.Equal(kept.Findings.Count, streamed.Findings.Count);

        var expected = kept.Totals();
        var actual = streamed.Totals();
        Assert.Equal(expected.Findings, actual.Findings);
        Assert.Equal(expected.TotalFindings, actual.TotalFindings);
        foreach (var verdict in Enum.GetValues<CallVerdict>())
        {
            Assert.Equal(expected.Count(verdict), actual.Count(verdict));
        }
    }

    [Fact]
    public void CallsAreHandedOnWhileTheLogIsStillBeingReadAndThenLetGo()
    {
        var text = Builder().Build(200, _ => TimeSpan.FromSeconds(45), endLastCall: true);
        var source = new CountingSource(Source(text));
        var sink = new WeakSink(source);
        CallDiagnoser.CreateDefault().Diagnose(source, sink);

        Assert.Equal(600, sink.Received);
        Assert.NotNull(sink.FirstAt);
        // 600 calls, of which the newest RetainedCalls (256) wait: the first go once ~320 calls are read.
        Assert.True(sink.FirstAt < source.Read * 3 / 5, $"first call handed on after {sink.FirstAt} of {source.Read} entries");
        // Checked at the 500th call: the calls handed on well before it are no longer held by the diagnoser.
        Assert.True(sink.AliveAtCheck <= 10, $"{sink.AliveAtCheck} of the first 200 calls still alive at call 500");
    }

    [Fact]
    public void AShortLogHandsItsCallsOnAtTheEnd()
    {
        var text = Builder().Build(2, _ => TimeSpan.FromSeconds(45), endLastCall: true);
        var sink = new RecordingSink();
        var report = CallDiagnoser.CreateDefault().Diagnose(Source(text), sink);
        Assert.Equal([1, 2, 3, 4, 5, 6], sink.Calls.Select(c => c.Index));
        Assert.Equal(6, report.StreamedCalls.Calls);
        Assert.True(EpisodeDiagnosis.RetainedCalls > 6);
    }

    private static LongLogBuilder Builder() => new(File.ReadAllText(RepositoryRoot.PathOf("samples", "seed-production-failure.log")));

    private static ILogEntrySource Source(string text) => LogSources.FromText(text, "generated.log");

    private sealed class RecordingSink : ICallSink
    {
        public List<CallFlow> Calls { get; } = [];

        public void Accept(CallFlow call) => Calls.Add(call);
    }

    /// <summary>Keeps only weak references, and at the 500th call checks how many of the first 200 are still alive.</summary>
    private sealed class WeakSink(CountingSource source) : ICallSink
    {
        private readonly List<WeakReference<CallFlow>> _calls = [];

        public int Received => _calls.Count;

        public long? FirstAt { get; private set; }

        public int AliveAtCheck { get; private set; } = -1;

        public void Accept(CallFlow call)
        {
            FirstAt ??= source.Read;
            _calls.Add(new WeakReference<CallFlow>(call));
            if (_calls.Count == 500)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                AliveAtCheck = _calls.Take(200).Count(w => w.TryGetTarget(out _));
            }
        }
    }

    private sealed class CountingSource(ILogEntrySource inner) : ILogEntrySource
    {
        public long Read { get; private set; }

        public string Name => inner.Name;

        public LogReadSummary Summary => inner.Summary;

        public CaptureContext Context => inner.Context;

        public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default)
        {
            foreach (var entry in inner.ReadEntries(cancellationToken))
            {
                Read++;
                yield return entry;
            }
        }
    }
}
