using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Strings;
using CallKitDoctor.Logging.Unified.Tracev3;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified;

public class OversizeTests
{
    internal static byte[] Oversize(uint reference, byte[] items) =>
        new ByteImage()
            .U64(Tracev3Image.FirstProcId).U32(Tracev3Image.SecondProcId).U8(0).Zeros(3).U64(Tracev3Image.BaseTime)
            .U32(reference).U16((ushort)items.Length).U16(0).Bytes(items)
            .ToArray();

    [Fact]
    public void EntryIsJoinedToAnOversizeChunkThatComesAfterIt()
    {
        // A log tracepoint with a data reference (0x0800) and no items of its own; its items are in a later chunkset.
        var data = new ByteImage().U32(0x4000).U16(9).ToArray();
        var tracepoint = Tracev3Image.Tracepoint(0x04, 0x00, 0x0002 | 0x0800, 0x1234, 1, 1, data);
        var first = Tracev3Image.ChunksetContent((0x6001, Tracev3Image.Firehose(tracepoint)));
        var second = Tracev3Image.ChunksetContent((0x6002, Oversize(9, new ItemsImage().String("a very long value").Scalar(7).ToArray())));
        var dir = Path.Combine(Path.GetTempPath(), "ckd-oversize-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "o.tracev3");
            File.WriteAllBytes(path, Tracev3Image.File(Tracev3Image.Uncompressed(first), Tracev3Image.Lz4(second)));
            var cache = new StringFileCache(null);
            cache.Add(Tracev3Image.MainUuid, UuidTextFile.Parse(StringFileTests.BuildUuidText("/usr/bin/x", (0x1234, ["%s #%d"])), "x", new UnifiedErrorLog())!);
            var source = new UnifiedLogSource(path) { Strings = cache };

            var entries = source.ReadEntries().ToList();

            var entry = Assert.Single(entries);
            Assert.Equal("a very long value #7", entry.EventMessage);
            Assert.False(source.Summary.IsPartial);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void OversizeClaimingMoreThanItsChunkIsAnError()
    {
        var bad = new ByteImage().U64(1).U32(2).U8(0).Zeros(3).U64(3).U32(4).U16(60000).U16(60000).Zeros(8).ToArray();
        var file = Tracev3Image.File(Tracev3Image.Uncompressed(Tracev3Image.ChunksetContent((0x6002, bad))));
        using var reader = new Tracev3Reader(new MemoryStream(file), "o");

        reader.ReadToEnd();

        Assert.Equal(0, reader.Oversize.Count);
        Assert.Equal(UnifiedErrorKind.OutOfBounds, Assert.Single(reader.Errors.Errors).Kind);
    }

    [SkippableFact]
    public void EveryDataReferenceOfTheIpadFileFindsItsOversizeChunk()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        using var reader = Tracev3Reader.Open(SharedData.PathOf("testdata", "unified_logging", "0000000000000f85.tracev3")!);
        var references = new List<(ulong, uint, uint)>();
        while (reader.MoveNext())
        {
            ref readonly var e = ref reader.Current;
            if ((e.Flags & TracepointFlags.HasDataReference) != 0)
            {
                references.Add((e.FirstProcId, e.SecondProcId, e.DataReference));
            }
        }

        Assert.Equal(30, reader.Oversize.Count);
        Assert.Equal(28, references.Count);
        var joined = references.Count(r => reader.Oversize.TryGet(r.Item1, r.Item2, r.Item3, out var items, out _) && items.Length >= 2);

        // One entry (data reference 70) refers to an oversize chunk that is not in this file (an earlier file of the
        // archive held it); the other 27 join.
        Assert.Equal(27, joined);
    }
}
