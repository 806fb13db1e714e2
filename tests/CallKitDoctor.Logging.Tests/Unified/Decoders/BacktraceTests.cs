using System.Globalization;
using System.Text.Json;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Formatting;
using CallKitDoctor.Logging.Unified.Tracev3;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified.Decoders;

public sealed class BacktraceTests : IDisposable
{
    private static readonly Guid ImageA = Guid.Parse("4FC429D6-41C9-3E5E-AD00-3EC643046F8D");
    private static readonly Guid ImageB = Guid.Parse("95D85335-DD46-355E-905C-3743A10000EC");

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ckd-backtrace-" + Guid.NewGuid().ToString("N"));

    public BacktraceTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Two images, three frames (the last with index 0xFF: no image), padded to 4 bytes.</summary>
    private static byte[] Block() => new ByteImage()
        .U16(1).U8(0x12).U8(2).U16(3)
        .Uuid(ImageA).Uuid(ImageB)
        .U32(667456).U32(405924).U32(0)
        .U8(0).U8(1).U8(0xFF).U8(0)
        .ToArray();

    [Fact]
    public void ReadsFramesWithImagesAndUnknownIndex()
    {
        var frames = BacktraceReader.ReadAt(Block());

        Assert.NotNull(frames);
        Assert.Equal([new BacktraceFrame(ImageA, 667456), new BacktraceFrame(ImageB, 405924), new BacktraceFrame(Guid.Empty, 0)], frames);
        Assert.True(BacktraceReader.LooksLikeBacktrace(Block()));
        Assert.False(BacktraceReader.LooksLikeBacktrace([1, 0, 0x13, 0, 0, 0]));
    }

    [Fact]
    public void CutShortBacktraceGivesNull()
    {
        var block = Block();
        for (var length = 0; length < block.Length - 1; length++)
        {
            Assert.Null(BacktraceReader.ReadAt(block.AsSpan(0, length)));
        }

        // The last byte is padding: without it the frames are all there.
        Assert.Equal(3, BacktraceReader.ReadAt(block.AsSpan(0, block.Length - 1))!.Length);
    }

    /// <summary>Item headers, the backtrace, then the values; string offsets count from the start of the backtrace.</summary>
    private static byte[] ItemsWithBacktrace(string value)
    {
        var block = Block();
        var text = System.Text.Encoding.UTF8.GetBytes(value + "\0");
        return new ByteImage().U8(0).U8(1).U8(0x22).U8(4).U16((ushort)block.Length).U16((ushort)text.Length).Bytes(block).Bytes(text).ToArray();
    }

    [Fact]
    public void BacktraceSitsBetweenItemHeadersAndValues()
    {
        var items = ItemsWithBacktrace("audio session");

        Assert.Equal(3, BacktraceReader.Read(items)!.Length);
        Assert.Equal("activate audio session", OsLogFormatter.Format("activate %s", items));
    }

    [Fact]
    public void UnifiedLogSourceExposesTheBacktraceOfFlaggedTracepoints()
    {
        var data = new ByteImage().U32(0x4000).Bytes(ItemsWithBacktrace("x")).ToArray();
        var plain = new ByteImage().U32(0x4100).U8(0).U8(0).ToArray();
        var content = Tracev3Image.ChunksetContent((0x6001, Tracev3Image.Firehose(
            Tracev3Image.Tracepoint(0x04, 0x11, 0x0002 | 0x1000, 0x10, 42, 5, data),
            Tracev3Image.Tracepoint(0x04, 0x00, 0x0002, 0x20, 42, 6, plain))));
        var file = Path.Combine(_dir, "bt.tracev3");
        File.WriteAllBytes(file, Tracev3Image.File(Tracev3Image.Lz4(content)));

        var entries = new UnifiedLogSource(file).ReadEntries().ToList();

        Assert.Equal(2, entries.Count);
        Assert.Equal([new BacktraceFrame(ImageA, 667456), new BacktraceFrame(ImageB, 405924), new BacktraceFrame(Guid.Empty, 0)], entries[0].Backtrace);
        Assert.Null(entries[1].Backtrace);
    }

    [SkippableFact]
    public void RealBacktracesMatchDtformats()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var expected = new Dictionary<string, List<(string Uuid, ulong Offset)>>();
        foreach (var line in File.ReadLines(SharedData.PathOf("testdata", "reference", "0000000000000f85.tracev3.dtformats.ndjson")!))
        {
            var root = JsonDocument.Parse(line).RootElement;
            var frames = root.GetProperty("backtrace").GetProperty("frames");
            if (frames.GetArrayLength() > 1)
            {
                expected[Key(root.GetProperty("machTimestamp").GetUInt64(), root.GetProperty("threadID").GetInt64(), root.GetProperty("traceID").GetUInt64())] =
                    frames.EnumerateArray().Select(f => (f.GetProperty("imageUUID").GetString()!, f.GetProperty("imageOffset").GetUInt64())).ToList();
            }
        }

        var source = new UnifiedLogSource(SharedData.PathOf("testdata", "unified_logging", "0000000000000f85.tracev3")!);
        var actual = source.ReadEntries().Where(e => e.Backtrace is not null).ToList();

        Assert.Equal(26, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var entry in actual)
        {
            var frames = expected[Key(entry.MachTimestamp!.Value, entry.ThreadId!.Value, entry.TraceId!.Value)];
            Assert.Equal(frames, entry.Backtrace!.Select(f => (f.ImageUuid.ToString("D").ToUpperInvariant(), f.ImageOffset)).ToList());
        }
    }

    private static string Key(ulong mach, long thread, ulong trace) => string.Create(CultureInfo.InvariantCulture, $"{mach}/{thread}/{trace}");
}
