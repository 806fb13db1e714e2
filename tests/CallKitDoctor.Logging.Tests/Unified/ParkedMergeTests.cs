using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Statedump;
using CallKitDoctor.Logging.Unified.Tracev3;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>
/// The time-ordered merge with parked readers and windows gives the same entries in the same order as the plain
/// one-entry-ahead merge, while holding a bounded number of live readers and buffered entries.
/// </summary>
public sealed class ParkedMergeTests : IDisposable
{
    private const int FileCount = 300;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ckd-parkedmerge-" + Guid.NewGuid().ToString("N"));

    public ParkedMergeTests() => Directory.CreateDirectory(Path.Combine(_dir, "Persist"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// File <paramref name="index"/>: three LZ4 chunksets of two firehose chunks each (12 tracepoints per chunk, times
    /// staggered per file and now and then going back) and a statedump whose data is large enough to be deferred.
    /// </summary>
    private static byte[] OverlappingFile(int index)
    {
        var chunksets = new List<byte[]>();
        for (var c = 0; c < 3; c++)
        {
            var chunks = new List<(uint, byte[])>();
            for (var f = 0; f < 2; f++)
            {
                var tracepoints = new byte[12][];
                for (var k = 0; k < tracepoints.Length; k++)
                {
                    var step = (c * 2 + f) * 12 + k;
                    var delta = (uint)(step * 100 + index % 37 * 7 - (k % 5 == 4 ? 250 : 0) + 300);
                    tracepoints[k] = Tracev3Image.LogTracepoint((byte)(k % 3 == 0 ? 0x00 : 0x01), (uint)(0x1000 + k), (ulong)(index * 10 + f), delta, (uint)step, 0x4000);
                }

                chunks.Add((0x6001, Tracev3Image.Firehose(tracepoints)));
            }

            if (c == 1)
            {
                chunks.Add((0x6003, Tracev3Image.StateDump("Big" + index, [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 + index))], (ulong)index)));
            }

            chunksets.Add(Tracev3Image.Lz4(Tracev3Image.ChunksetContent([.. chunks])));
        }

        return Tracev3Image.File([.. chunksets]);
    }

    private void WriteFiles(int count)
    {
        for (var i = 0; i < count; i++)
        {
            File.WriteAllBytes(Path.Combine(_dir, "Persist", $"{i + 1:x16}.tracev3"), OverlappingFile(i));
        }
    }

    private static (string File, long Chunk, long Inner, ulong? Mach, string Message) Identity(LogEntry e) =>
        (Path.GetFileName(e.Location.Source), e.Location.ByteOffset, e.Location.InnerOffset, e.MachTimestamp, e.EventMessage);

    /// <summary>The merge as specified, written plainly: always take the earliest head (ties to the earlier-starting file).</summary>
    private static List<LogEntry> ReferenceMerge(List<List<LogEntry>> files)
    {
        var ranked = files.Select((entries, index) => (Entries: entries, Index: index))
            .Where(f => f.Entries.Count > 0)
            .OrderBy(f => f.Entries[0].Timestamp!.Value).ThenBy(f => f.Index)
            .Select(f => f.Entries).ToList();
        var positions = new int[ranked.Count];
        var merged = new List<LogEntry>();
        while (true)
        {
            var best = -1;
            for (var r = 0; r < ranked.Count; r++)
            {
                if (positions[r] < ranked[r].Count &&
                    (best < 0 || ranked[r][positions[r]].Timestamp!.Value < ranked[best][positions[best]].Timestamp!.Value))
                {
                    best = r;
                }
            }

            if (best < 0)
            {
                return merged;
            }

            merged.Add(ranked[best][positions[best]++]);
        }
    }

    [Fact]
    public void ParkedMergeOfThreeHundredOverlappingFilesMatchesTheReferenceMerge()
    {
        WriteFiles(FileCount);
        var files = Directory.GetFiles(Path.Combine(_dir, "Persist")).Order(StringComparer.Ordinal).ToList();
        var perFile = files.Select(f => new UnifiedLogSource(f, new UnifiedLogOptions { ReadAhead = false }).ReadEntries().ToList()).ToList();
        var expected = ReferenceMerge(perFile).Select(Identity).ToList();

        var live = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true, ReadAhead = false });
        var liveMerged = live.ReadEntries().Select(Identity).ToList();
        var parked = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true, ReadAhead = false })
        {
            MergeLiveReaderLimit = 8,
            MergeByteBudget = 256 * 1024,
        };
        var parkedMerged = parked.ReadEntries().Select(Identity).ToList();

        Assert.Equal(FileCount * 73, expected.Count);
        Assert.Equal(expected, liveMerged);
        Assert.Equal(expected, parkedMerged);
        Assert.Equal(expected.Count, parked.Summary.Entries);

        // Every file starts within a few microseconds of the others: all 300 are open at once.
        Assert.Equal(FileCount, parked.LastMerge!.MaxOpenFiles);
        Assert.Equal(FileCount, live.LastMerge!.MaxOpenFiles);
        Assert.Equal(FileCount, live.LastMerge.MaxLiveReaders);
        // Parked: at most the limit of readers hold a chunkset buffer, plus the one being refilled.
        Assert.InRange(parked.LastMerge.MaxLiveReaders, 1, 8 + 1);
        Assert.True(parked.LastMerge.MaxBufferedEntries > FileCount, "windows hold more than one entry per file");
        // The budget caps the windows; one entry over it per file at most (a window always takes one entry).
        Assert.InRange(parked.LastMerge.MaxBufferedBytes, 1, 256 * 1024 + (FileCount * 8 * 1024));
    }

    [Fact]
    public void ParkedMergeWithReadAheadMatchesTheLiveMerge()
    {
        WriteFiles(60);
        var live = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true }).ReadEntries().Select(Identity).ToList();
        var parked = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true })
        {
            MergeLiveReaderLimit = 2,
            MergeByteBudget = 64 * 1024,
        }.ReadEntries().Select(Identity).ToList();

        Assert.Equal(60 * 73, live.Count);
        Assert.Equal(live, parked);
    }

    [Fact]
    public void WindowsShrinkAsMoreFilesOverlapSoBufferedBytesDoNotGrowWithTheFileCount()
    {
        WriteFiles(FileCount);
        var all = Directory.GetFiles(Path.Combine(_dir, "Persist")).Order(StringComparer.Ordinal).ToList();
        long MaxBuffered(int count)
        {
            // Only the first `count` files: a copy of the folder with them.
            var folder = Path.Combine(_dir, "subset" + count, "Persist");
            Directory.CreateDirectory(folder);
            foreach (var file in all.Take(count))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var subset = new UnifiedLogSource(Path.GetDirectoryName(folder)!, new UnifiedLogOptions { TimeOrder = true, ReadAhead = false })
            {
                MergeLiveReaderLimit = 4,
                MergeByteBudget = 1 << 20,
            };
            Assert.Equal(count * 73, subset.ReadEntries().Count());
            return subset.LastMerge!.MaxBufferedBytes;
        }

        var half = MaxBuffered(FileCount / 2);
        var full = MaxBuffered(FileCount);

        // Twice the files, not twice the buffered bytes: both stay within a few times the 1 MiB budget (windows read
        // while fewer files were open are sized for those, and each window takes at least one entry).
        Assert.InRange(half, 256 * 1024, 4 << 20);
        Assert.InRange(full, 256 * 1024, 4 << 20);
        Assert.True(full < half * 1.5, $"{FileCount} files buffered {full} bytes, {FileCount / 2} files {half}");
    }

    [Fact]
    public void ReaderParkedAfterEveryEventReadsTheSameEvents()
    {
        var bytes = OverlappingFile(5);
        static List<(ulong, long, int, string)> Read(byte[] bytes, bool park)
        {
            using var reader = new Tracev3Reader(new MemoryStream(bytes), "f.tracev3");
            var events = new List<(ulong, long, int, string)>();
            while (reader.MoveNext())
            {
                ref readonly var e = ref reader.Current;
                events.Add((e.MachTime, e.ChunkFileOffset, e.InnerOffset, Convert.ToHexString(reader.CurrentItems) + Convert.ToHexString(reader.CurrentDumpData)));
                if (park)
                {
                    reader.Park();
                    Assert.True(reader.CurrentBuffer.IsEmpty);
                }
            }

            Assert.Empty(reader.Errors.Errors);
            return events;
        }

        var plain = Read(bytes, park: false);
        Assert.Equal(73, plain.Count);
        Assert.Equal(plain, Read(bytes, park: true));
    }

    [Fact]
    public void AReaderGivesItsChunksetBufferBackWhenParkedAndAtTheEndOfTheFile()
    {
        using var reader = new Tracev3Reader(new MemoryStream(OverlappingFile(3)), "f.tracev3");
        Assert.False(reader.HoldsBuffer);
        var events = 0;
        while (reader.MoveNext())
        {
            Assert.True(reader.HoldsBuffer);
            Assert.False(reader.CurrentBuffer.IsEmpty);
            if (++events == 10)
            {
                reader.Park();
                Assert.False(reader.HoldsBuffer);
            }
        }

        // Read to the end: no buffer kept while the reader waits to be disposed (a merge keeps it until its last
        // event is taken).
        Assert.Equal(73, events);
        Assert.False(reader.HoldsBuffer);
        Assert.True(reader.CurrentBuffer.IsEmpty);
        Assert.False(reader.MoveNext());
        Assert.Empty(reader.Errors.Errors);
    }

    [Fact]
    public void ParkKeepsOnlyTheLatestCatalogAndKeepEarlierCatalogsFalseDoesTooWhileReading()
    {
        var catalogChunk = Tracev3Image.Chunk(0x600B, Tracev3Image.Catalog()).ToArray();
        var file = Tracev3Image.File(Tracev3Image.Lz4(Tracev3Image.SampleContent()));
        var twoCatalogs = file.Concat(catalogChunk).Concat(Tracev3Image.Chunk(0x600D, Tracev3Image.Lz4(Tracev3Image.SampleContent())).ToArray()).ToArray();

        using var keeping = new Tracev3Reader(new MemoryStream(twoCatalogs), "a");
        keeping.ReadToEnd();
        Assert.Equal(2, keeping.Catalogs.Count);

        using var latest = new Tracev3Reader(new MemoryStream(twoCatalogs), "b") { KeepEarlierCatalogs = false };
        var count = 0;
        while (latest.MoveNext())
        {
            count++;
        }

        Assert.Single(latest.Catalogs);
        Assert.Equal(6, count);

        using var parked = new Tracev3Reader(new MemoryStream(twoCatalogs), "c");
        while (parked.MoveNext() && parked.Catalogs.Count < 2)
        {
        }

        parked.Park();
        Assert.Single(parked.Catalogs);
        Assert.Equal(file.Length, parked.Catalogs[0].FileOffset);
        var rest = 0;
        while (parked.MoveNext())
        {
            rest++;
        }

        Assert.Equal(2, rest);
    }

    [Fact]
    public void LargeStatedumpMessageIsBuiltOnFirstUseAndEqualsTheEagerText()
    {
        File.WriteAllBytes(Path.Combine(_dir, "Persist", "0000000000000001.tracev3"), OverlappingFile(3));
        var entries = new UnifiedLogSource(Path.Combine(_dir, "Persist", "0000000000000001.tracev3"), new UnifiedLogOptions { ReadAhead = false })
            .ReadEntries().ToList();
        var dump = Assert.Single(entries, e => e.EventType == LogEventType.StateEvent);
        var payload = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 + 3)).ToArray();

        Assert.False(dump.IsMessageFormatted);
        Assert.Equal(StatedumpMessage.Format("Big3", 1, null, null, payload), dump.EventMessage);
        Assert.StartsWith("Big3\n", dump.EventMessage, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void RealFileCopiesMergedWithParkedReadersMatchTheLiveMerge()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var source = SharedData.PathOf("testdata", "unified_logging", "0000000000000f85.tracev3")!;
        for (var i = 1; i <= 6; i++)
        {
            File.Copy(source, Path.Combine(_dir, "Persist", $"{i:x16}.tracev3"));
        }

        var live = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true }).ReadEntries().Select(Identity).ToList();
        var parkedSource = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true })
        {
            MergeLiveReaderLimit = 2,
            MergeByteBudget = 128 * 1024,
        };
        var parked = parkedSource.ReadEntries().Select(Identity).ToList();

        Assert.Equal(6 * 8654, live.Count);
        Assert.Equal(live, parked);
        Assert.InRange(parkedSource.LastMerge!.MaxLiveReaders, 1, 3);
    }
}
