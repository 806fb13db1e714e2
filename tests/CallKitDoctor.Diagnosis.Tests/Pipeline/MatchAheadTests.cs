using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Pipeline;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Tests.Pipeline;

/// <summary>
/// Reading and matching on a worker thread: every entry comes back once, in order, with the event the matcher gave it;
/// a failure arrives after everything read before it; stopping early and cancelling end the worker.
/// </summary>
public class MatchAheadTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(MatchAhead.BatchSize)]
    [InlineData((MatchAhead.BatchSize * MatchAhead.Batches * 5) + 3)]
    public void EntriesComeBackInOrderWithTheirEvents(int count)
    {
        var entries = Entries(count);
        var matcher = new EverySeventh();

        var matched = MatchAhead.Run(_ => entries, matcher, CancellationToken.None).ToList();

        Assert.Equal(entries, matched.Select(m => m.Entry));
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i % 7 == 0, matched[i].Event is not null);
            Assert.Same(matched[i].Entry, matched[i].Event?.Entry ?? matched[i].Entry);
        }

        if (count > 0)
        {
            Assert.DoesNotContain(Environment.CurrentManagedThreadId, matcher.Threads);
        }
    }

    [Fact]
    public void AFailureComesAfterEveryEntryReadBeforeIt()
    {
        const int before = (MatchAhead.BatchSize * 2) + 17;
        var seen = new List<LogEntry>();

        var failure = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var m in MatchAhead.Run(_ => Failing(before), new EverySeventh(), CancellationToken.None))
            {
                seen.Add(m.Entry);
            }
        });

        Assert.Equal("broken input", failure.Message);
        Assert.Equal(before, seen.Count);
        Assert.Equal("m" + (before - 1), seen[^1].EventMessage);
    }

    [Fact]
    public void StoppingEarlyEndsTheWorker()
    {
        var stopped = new ManualResetEventSlim();

        var first = MatchAhead.Run(token => Endless(stopped, token), new EverySeventh(), CancellationToken.None).Take(5).ToList();

        Assert.Equal(5, first.Count);
        Assert.True(stopped.Wait(TimeSpan.FromSeconds(10)), "the worker kept reading after the caller stopped");
    }

    [Fact]
    public void CancellingStopsTheRead()
    {
        using var cancel = new CancellationTokenSource();
        var read = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in MatchAhead.Run(token => Endless(new ManualResetEventSlim(), token), new EverySeventh(), cancel.Token))
            {
                if (++read == 1000)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.Equal(1000, read);
    }

    private static List<LogEntry> Entries(int count) => [.. Enumerable.Range(0, count).Select(i => new LogEntry("m" + i))];

    private static IEnumerable<LogEntry> Failing(int before)
    {
        foreach (var entry in Entries(before))
        {
            yield return entry;
        }

        throw new InvalidOperationException("broken input");
    }

    private static IEnumerable<LogEntry> Endless(ManualResetEventSlim stopped, CancellationToken token)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                token.ThrowIfCancellationRequested();
                yield return new LogEntry("m" + i);
            }
        }
        finally
        {
            stopped.Set();
        }
    }

    /// <summary>Recognises every seventh entry ("m0", "m7", …) and records the threads it ran on.</summary>
    private sealed class EverySeventh : ICallEventMatcher
    {
        public HashSet<int> Threads { get; } = [];

        public CallEvent? Match(LogEntry entry)
        {
            lock (Threads)
            {
                Threads.Add(Environment.CurrentManagedThreadId);
            }

            return int.Parse(entry.EventMessage.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) % 7 == 0
                ? new CallEvent { Kind = EventKind.PushReceived, SignatureId = "test.push", Entry = entry }
                : null;
        }
    }
}
