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
    public void TheSamePayloadAddedAgainKeepsTheFirstCopyAndADifferentOneReplacesIt()
    {
        var store = new OversizeStore();
        store.Add(1, 2, 3, [1, 2, 3], [9]);
        Assert.True(store.TryGet(1, 2, 3, out var first, out _));

        store.Add(1, 2, 3, [1, 2, 3], [9]);
        Assert.True(store.TryGet(1, 2, 3, out var again, out var againPrivate));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(first, out var firstArray));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(again, out var againArray));
        Assert.Same(firstArray.Array, againArray.Array);
        Assert.Equal([9], againPrivate.ToArray());

        store.Add(1, 2, 3, [1, 2, 4], [9]);
        Assert.True(store.TryGet(1, 2, 3, out var other, out _));
        Assert.Equal([1, 2, 4], other.ToArray());
        store.Add(1, 2, 3, [1, 2, 4], [8]);
        Assert.True(store.TryGet(1, 2, 3, out _, out var otherPrivate));
        Assert.Equal([8], otherPrivate.ToArray());
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void RepeatedPayloadsCountTowardsTheLimitAsBefore()
    {
        var store = new OversizeStore();
        var payload = new byte[1 << 20];
        for (var i = 0; i < 32; i++)
        {
            store.Add(1, 2, 3, payload, []);
        }

        Assert.Equal(0, store.Dropped);
        store.Add(1, 2, 4, [1], []);
        Assert.Equal(1, store.Dropped);
        Assert.False(store.TryGet(1, 2, 4, out _, out _));
    }

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
