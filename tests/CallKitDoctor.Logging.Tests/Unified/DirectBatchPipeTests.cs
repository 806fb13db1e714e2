using System.Text;
using CallKitDoctor.Logging.Output;
using CallKitDoctor.Logging.Unified.Direct;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>
/// <see cref="DirectBatchPipe"/> and <see cref="DirectBatch"/>: every event reaches the consumer once, in order, with
/// its escaped message, on the worker and inline; a producer failure arrives after the batches before it; a consumer
/// failure stops the producer.
/// </summary>
public sealed class DirectBatchPipeTests
{
    private static void Produce(DirectBatchPipe pipe, int events, CancellationToken token, int failAt = -1)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < events; i++)
        {
            if (i == failAt)
            {
                throw new InvalidDataException("broken at " + i);
            }

            var fields = new EntryFields { TraceId = (ulong)i };
            if (i % 3 == 0)
            {
                builder.Clear().Append("built \"").Append(i).Append('"').Append('x', i % 50);
                pipe.Current.Add(fields, builder);
            }
            else
            {
                pipe.Current.Add(fields, $"fixed/{i}");
            }

            if (pipe.Current.IsFull)
            {
                pipe.HandOver(token);
            }
        }
    }

    [Theory]
    [InlineData(4, 5000)]
    [InlineData(2, 1030)]
    [InlineData(1, 1030)]
    [InlineData(4, 0)]
    public void EveryEventArrivesOnceInOrderWithItsEscapedMessage(int batches, int events)
    {
        var seen = new List<(ulong Id, string Message)>();
        DirectBatchPipe.Run((pipe, token) => Produce(pipe, events, token), batch =>
        {
            for (var i = 0; i < batch.Count; i++)
            {
                seen.Add((batch.Fields(i).TraceId ?? 0, Encoding.UTF8.GetString(batch.EscapedMessage(i))));
            }
        }, batches, CancellationToken.None);

        Assert.Equal(events, seen.Count);
        for (var i = 0; i < events; i++)
        {
            Assert.Equal((ulong)i, seen[i].Id);
            var expected = i % 3 == 0 ? $"built \\\"{i}\\\"" + new string('x', i % 50) : $"fixed\\/{i}";
            Assert.Equal(expected, seen[i].Message);
        }
    }

    [Fact]
    public void AProducerFailureArrivesAfterTheBatchesBeforeIt()
    {
        var seen = 0;
        var failure = Assert.Throws<InvalidDataException>(() => DirectBatchPipe.Run(
            (pipe, token) => Produce(pipe, 5000, token, failAt: 2000), batch => seen += batch.Count, 4, CancellationToken.None));

        Assert.Equal("broken at 2000", failure.Message);
        Assert.Equal(2000 / DirectBatch.Capacity * DirectBatch.Capacity, seen);
    }

    [Fact]
    public void AConsumerFailureStopsTheProducer()
    {
        var produced = 0;
        Assert.Throws<IOException>(() => DirectBatchPipe.Run((pipe, token) =>
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                pipe.Current.Add(default, "x");
                produced++;
                if (pipe.Current.IsFull)
                {
                    pipe.HandOver(token);
                }
            }
        }, _ => throw new IOException("disk full"), 4, CancellationToken.None));

        Assert.True(produced < 10 * DirectBatch.Capacity, $"the producer ran on: {produced}");
    }

    [Fact]
    public void ALongMessageGrowsTheBufferAndFillsTheBatch()
    {
        var batch = new DirectBatch();
        var big = new string('\u00e9', DirectBatch.TextLimit);

        batch.Add(default, "a");
        batch.Add(default, big);

        Assert.True(batch.IsFull);
        Assert.Equal(2, batch.Count);
        Assert.Equal("a", Encoding.UTF8.GetString(batch.EscapedMessage(0)));
        Assert.Equal(big, Encoding.UTF8.GetString(batch.EscapedMessage(1)));
        batch.Clear();
        Assert.Equal(0, batch.Count);
        Assert.False(batch.IsFull);
    }

    [Fact]
    public void AWindowIsFullAtItsCapacityAndPassesItsEventsOnUnchanged()
    {
        var window = new DirectBatch(3, 16);
        var text = new string('x', 5000) + "\"/\n\u0001\u00e9";
        window.Add(new EntryFields { ThreadId = 1 }, "short \"one\"");
        window.SetLocation(CallKitDoctor.Logging.Entries.InputLocation.Binary("f", 10, 2));
        window.Add(new EntryFields { ThreadId = 2 }, text);
        Assert.False(window.IsFull);
        Assert.InRange(window.TextBytes, 5000, 5100); // grown by the escaped text, not six times its length
        window.Add(new EntryFields { ThreadId = 3 }, "");
        Assert.True(window.IsFull);

        var batch = new DirectBatch();
        var reference = new DirectBatch();
        for (var i = 0; i < window.Count; i++)
        {
            batch.AddFrom(window, i);
        }

        reference.Add(new EntryFields { ThreadId = 1 }, "short \"one\"");
        reference.Add(new EntryFields { ThreadId = 2 }, text);
        reference.Add(new EntryFields { ThreadId = 3 }, "");
        Assert.Equal(3, batch.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(reference.EscapedMessage(i).ToArray(), batch.EscapedMessage(i).ToArray());
            Assert.Equal(i + 1, batch.Fields(i).ThreadId);
        }

        Assert.Equal(10, window.Location(0).ByteOffset);
        window.Clear();
        Assert.Equal(0, window.TextBytes);
    }
    [Fact]
    public void AWindowWithTextRoomRefusesAMessageThatDoesNotFitUnlessItIsEmpty()
    {
        var window = new DirectBatch(8, 64) { TextRoom = 64 };
        var fill = new string('a', 40);

        Assert.True(window.Add(new EntryFields { ThreadId = 1 }, fill));
        Assert.False(window.Add(new EntryFields { ThreadId = 2 }, fill + "\"")); // 40 + 42 escaped bytes > 64
        Assert.Equal(1, window.Count);
        Assert.Equal(40, window.TextBytes);
        Assert.True(window.Add(new EntryFields { ThreadId = 3 }, new string('b', 24))); // exactly fills the room
        Assert.Equal(64, window.TextBytes);
        Assert.False(window.Add(new EntryFields { ThreadId = 4 }, "c"));
        Assert.Equal(64, window.TextCapacity);
        Assert.Equal(fill, Encoding.UTF8.GetString(window.EscapedMessage(0)));
        Assert.Equal(3, window.Fields(1).ThreadId);

        // Empty, it takes a message of any length, its text growing to just that; emptied, it gives the buffer up.
        window.Clear(window.TextRoom);
        var big = new string('\u00e9', 500);
        Assert.True(window.Add(new EntryFields { ThreadId = 5 }, big));
        Assert.Equal(1000, window.TextCapacity);
        Assert.Equal(big, Encoding.UTF8.GetString(window.EscapedMessage(0)));
        window.Clear(window.TextRoom);
        Assert.Equal(64, window.TextCapacity);

        // Without a room (the default), a batch grows as it always did.
        var batch = new DirectBatch(8, 64);
        Assert.True(batch.Add(default, fill));
        Assert.True(batch.Add(default, big));
        Assert.Equal(2, batch.Count);
    }
}
