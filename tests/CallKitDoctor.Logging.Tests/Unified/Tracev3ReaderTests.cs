using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Tests.Unified;

public class Tracev3ReaderTests
{
    private static (List<TraceEvent> Events, List<string> Items, Tracev3Reader Reader) ReadAll(byte[] file)
    {
        var reader = new Tracev3Reader(new MemoryStream(file), "built.tracev3");
        var events = new List<TraceEvent>();
        var items = new List<string>();
        while (reader.MoveNext())
        {
            events.Add(reader.Current);
            items.Add(Convert.ToHexString(reader.CurrentItems));
        }

        return (events, items, reader);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsBuiltFileWithUncompressedAndLz4Chunksets(bool lz4)
    {
        var content = Tracev3Image.SampleContent();
        var file = Tracev3Image.File(lz4 ? Tracev3Image.Lz4(content) : Tracev3Image.Uncompressed(content));

        var (events, items, reader) = ReadAll(file);

        Assert.Empty(reader.Errors.Errors);
        var header = reader.Header!;
        Assert.Equal(Tracev3Image.Boot, header.BootUuid);
        Assert.Equal("19D52", header.BuildVersion);
        Assert.Equal("J96AP", header.HardwareModel);
        Assert.Equal("America/Toronto", header.TimeZoneName);
        Assert.Equal(125u, header.Timebase.Numerator);
        Assert.Equal(3u, header.Timebase.Denominator);
        Assert.Single(reader.Catalogs);
        Assert.Equal(1, reader.Statistics.Chunksets);
        Assert.Equal(1, reader.Statistics.FirehoseChunks);
        Assert.Equal(1, reader.Statistics.StateDumpChunks);
        Assert.Equal(3, events.Count);

        var first = events[0];
        Assert.Equal(TraceEventKind.Log, first.Kind);
        Assert.Equal(LogLevel.Default, UnifiedEntryMapping.ToLevel(first));
        Assert.Equal(42ul, first.ThreadId);
        Assert.Equal(Tracev3Image.BaseTime + 10, first.MachTime);
        Assert.Equal(77ul, first.ActivityId);
        Assert.Equal(Tracev3Image.Pid, first.ProcessId);
        Assert.Equal("com.example.demo", first.Subsystem!.Subsystem);
        Assert.Equal("calls", first.Subsystem.Category);
        Assert.Equal(StringsFileType.MainExecutable, first.StringsFileType);
        Assert.Equal(Tracev3Image.MainUuid, first.SenderImageUuid);
        Assert.Equal(0x4000ul, first.SenderProgramCounter);
        Assert.Equal(0x1234ul, first.FormatStringOffset);
        Assert.Equal((0x1234ul << 32) | (0x0203ul << 16) | 0x04, first.TraceId);
        Assert.Equal("0001220400000300686900", items[0]);

        var second = events[1];
        Assert.Equal(LogLevel.Error, UnifiedEntryMapping.ToLevel(second));
        Assert.Equal(Tracev3Image.BaseTime + 25, second.MachTime);

        var dump = events[2];
        Assert.Equal(TraceEventKind.StateDump, dump.Kind);
        Assert.Equal(LogEventType.StateEvent, UnifiedEntryMapping.ToEventType(dump));
        Assert.Equal(99ul, dump.ActivityId);
        Assert.Equal("DemoState", dump.DumpName);
        Assert.Equal(4, dump.DumpDataLength);
        Assert.Equal(Tracev3Image.Pid, dump.ProcessId);
    }

    [Fact]
    public void ChunksetWithSeveralBlocksIsJoined()
    {
        var a = Tracev3Image.ChunksetContent((0x6001, Tracev3Image.Firehose(Tracev3Image.LogTracepoint(0, 1, 1, 1, 1, 1))));
        var b = Tracev3Image.ChunksetContent((0x6001, Tracev3Image.Firehose(Tracev3Image.LogTracepoint(1, 2, 2, 2, 2, 2))));
        var blocks = Tracev3Image.Lz4(a)[..^4].Concat(Tracev3Image.Uncompressed(b)).ToArray();

        var (events, _, reader) = ReadAll(Tracev3Image.File(blocks));

        Assert.Empty(reader.Errors.Errors);
        Assert.Equal([1ul, 2ul], events.Select(e => e.ThreadId));
    }

    [Fact]
    public void Lz4BlockClaimingHugeOutputIsRejectedWithoutAllocating()
    {
        var block = new ByteImage().U32(0x31347662).U32(0xFFFF_FFF0).U32(16).Zeros(16).U32(0x24347662).ToArray();
        var file = Tracev3Image.File(block);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var (events, _, reader) = ReadAll(file);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20);
        Assert.Empty(events);
        var error = Assert.Single(reader.Errors.Errors);
        Assert.Equal(UnifiedErrorKind.OutOfBounds, error.Kind);
        Assert.Equal("built.tracev3", error.File);
        Assert.True(error.ByteOffset > 0);
    }

    [Fact]
    public void ChunkRunningPastTheEndIsAnErrorAndEarlierEventsAreKept()
    {
        var good = Tracev3Image.File(Tracev3Image.Uncompressed(Tracev3Image.SampleContent()));
        var bad = good.Concat(new ByteImage().U32(0x600D).U32(0x11).U64(1 << 30).Zeros(8).ToArray()).ToArray();

        var (events, _, reader) = ReadAll(bad);

        Assert.Equal(3, events.Count);
        var error = Assert.Single(reader.Errors.Errors);
        Assert.Equal(UnifiedErrorKind.OutOfBounds, error.Kind);
        Assert.Equal(good.Length, error.ByteOffset);
    }

    [Fact]
    public void TracepointClaimingMoreDataThanItsChunkStopsTheChunkOnly()
    {
        var tp = Tracev3Image.LogTracepoint(0, 1, 5, 1, 1, 1);
        tp[22] = 0xFF; // data size 0x??FF: far past the firehose public data
        tp[23] = 0x7F;
        var content = Tracev3Image.ChunksetContent(
            (0x6001, Tracev3Image.Firehose(tp)),
            (0x6001, Tracev3Image.Firehose(Tracev3Image.LogTracepoint(0, 1, 6, 1, 1, 1))));

        var (events, _, reader) = ReadAll(Tracev3Image.File(Tracev3Image.Uncompressed(content)));

        Assert.Equal([6ul], events.Select(e => e.ThreadId));
        Assert.Equal(UnifiedErrorKind.OutOfBounds, Assert.Single(reader.Errors.Errors).Kind);
    }

    [Fact]
    public void TruncatedFileReportsTruncationWithOffset()
    {
        var good = Tracev3Image.File(Tracev3Image.Uncompressed(Tracev3Image.SampleContent()));
        var cut = good[..(good.Length - 20)];

        var (_, _, reader) = ReadAll(cut);

        var error = Assert.Single(reader.Errors.Errors);
        Assert.Contains(error.Kind, new[] { UnifiedErrorKind.OutOfBounds, UnifiedErrorKind.Truncated });
        Assert.Contains("built.tracev3", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnseekableStreamReadsTheSameEvents()
    {
        var file = Tracev3Image.File(Tracev3Image.Lz4(Tracev3Image.SampleContent()));
        using var reader = new Tracev3Reader(new ForwardOnlyStream(file), "pipe");
        var count = 0;
        while (reader.MoveNext())
        {
            count++;
        }

        Assert.Equal(3, count);
        Assert.Empty(reader.Errors.Errors);
    }

    [Fact]
    public void StateDumpTitleIsUtf8()
    {
        var content = Tracev3Image.ChunksetContent((0x6003, Tracev3Image.StateDump("État", Encoding.UTF8.GetBytes("{}"), 1)));

        var (events, _, _) = ReadAll(Tracev3Image.File(Tracev3Image.Uncompressed(content)));

        Assert.Equal("État", Assert.Single(events).DumpName);
    }

    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            // Short reads on purpose, like a pipe.
            var n = Math.Min(Math.Min(count, 7), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
