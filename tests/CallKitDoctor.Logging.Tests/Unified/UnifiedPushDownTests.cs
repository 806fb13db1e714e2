using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Predicates;
using CallKitDoctor.Logging.Filtering.Time;
using CallKitDoctor.Logging.Unified;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>
/// <see cref="UnifiedLogOptions.Filter"/> as a skip hint: a filtered read yields exactly the entries of an unfiltered
/// read that the filter matches, while whole files (by the next file's creation time) and firehose chunks (by their
/// base time) are skipped unread. Also the read-ahead worker: same entries, same order, stops when the caller stops.
/// </summary>
public sealed class UnifiedPushDownTests : IDisposable
{
    private const int Files = 4;
    private const int ChunksetsPerFile = 3;
    private const ulong FileSpan = 3_000_000;
    private const ulong FirstFileTime = 96_000_000_000_000;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ckd-pushdown-" + Guid.NewGuid().ToString("N"));

    public UnifiedPushDownTests()
    {
        var persist = Path.Combine(_dir, "Persist");
        Directory.CreateDirectory(persist);
        for (var f = 0; f < Files; f++)
        {
            var created = FirstFileTime + ((ulong)f * FileSpan);
            var blocks = new List<byte[]>();
            for (var c = 0; c < ChunksetsPerFile; c++)
            {
                var baseTime = created + 1000 + ((ulong)c * 900_000);
                var tracepoints = Enumerable.Range(0, 6)
                    .Select(i => Tracev3Image.LogTracepoint(LogTypes[(f + c + i) % LogTypes.Length], i % 2 == 0 ? 0x1234u : 0x1300u,
                        (ulong)(40 + i), (uint)(i * 50_000), (uint)(70 + i), 0x4000))
                    .ToArray();
                blocks.Add(Tracev3Image.Lz4(Tracev3Image.ChunksetContent((0x6001, FirehoseAt(baseTime, tracepoints)))));
            }

            File.WriteAllBytes(Path.Combine(persist, $"{f + 1:x16}.tracev3"), FileCreatedAt(created, [.. blocks]));
        }

        var name = Tracev3Image.MainUuid.ToString("N").ToUpperInvariant();
        Directory.CreateDirectory(Path.Combine(_dir, "uuidtext", name[..2]));
        File.WriteAllBytes(Path.Combine(_dir, "uuidtext", name[..2], name[2..]),
            StringFileTests.BuildUuidText("/usr/libexec/callservicesd", (0x1234, ["Call %{public}s started"]), (0x1300, ["Failed: %s"])));
    }

    private static readonly byte[] LogTypes = [0x00, 0x01, 0x02, 0x10, 0x11];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private List<LogEntry> Read(EntryFilter? filter, bool readAhead, out UnifiedLogSource source)
    {
        source = new UnifiedLogSource(_dir, new UnifiedLogOptions { Filter = filter, ReadAhead = readAhead });
        return [.. source.ReadEntries()];
    }

    private static string Key(LogEntry e) =>
        $"{e.Timestamp}|{e.ThreadId}|{e.Level}|{e.EventMessage}|{e.Location.ByteOffset}|{e.Location.Source}|{e.TraceId}|{e.ActivityIdentifier}";

    private static EntryFilter Filter(string? predicate, DateTimeOffset? start, DateTimeOffset? end, LevelInclusion levels)
    {
        LogPredicate? parsed = null;
        if (predicate is not null)
        {
            Assert.True(LogPredicate.TryParse(predicate, out parsed, out var error), error?.Message);
        }

        return new EntryFilter(parsed, new TimeRange(start, end), levels);
    }

    [Fact]
    public void TheArchiveHasWhatTheTestsNeed()
    {
        var all = Read(null, readAhead: false, out var source);

        Assert.Equal(Files * ChunksetsPerFile * 6, all.Count);
        Assert.False(source.Summary.IsPartial);
        Assert.Contains(all, e => e.EventMessage == "Call hi started");
        Assert.Equal(all.Select(e => e.Timestamp).Order(), all.Select(e => e.Timestamp));
    }

    [Theory]
    [InlineData(null, 10, 50, true)]
    [InlineData(null, 0, 30, false)]
    [InlineData("eventMessage CONTAINS \"Failed\"", 20, 70, true)]
    [InlineData("threadIdentifier == 42 OR messageType == \"Error\"", -1, -1, true)]
    [InlineData("eventMessage ENDSWITH \"started\" AND threadIdentifier > 41", 5, -1, false)]
    [InlineData(null, 35, 36, true)]
    [InlineData(null, 71, -1, true)]
    public void AFilteredReadYieldsExactlyTheMatchingEntries(string? predicate, int startIndex, int endIndex, bool everyLevel)
    {
        var all = Read(null, readAhead: false, out _);
        var start = startIndex >= 0 ? all[startIndex].Timestamp!.Value.Instant : null;
        var end = endIndex >= 0 ? all[endIndex].Timestamp!.Value.Instant : null;
        var filter = Filter(predicate, start, end, everyLevel ? LevelInclusion.Everything : LevelInclusion.Default);

        var expected = all.Where(filter.Matches).Select(Key).ToList();
        foreach (var readAhead in new[] { false, true })
        {
            var hinted = Read(filter, readAhead, out var source);
            var actual = hinted.Where(filter.Matches).Select(Key).ToList();

            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Count, hinted.Count(filter.Matches));
            Assert.Equal(hinted.Count, source.Summary.Entries);
        }
    }

    [Fact]
    public void FilesAndChunksOutsideTheTimeRangeAreNotWalked()
    {
        var all = Read(null, readAhead: false, out var unfiltered);
        var filter = Filter(null, all[40].Timestamp!.Value.Instant, all[45].Timestamp!.Value.Instant, LevelInclusion.Everything);

        var hinted = Read(filter, readAhead: false, out var source);

        Assert.Equal(all.Where(filter.Matches).Select(Key), hinted.Select(Key));
        // Entry 40 is in the third file: the first two end before it begins.
        Assert.Equal(2, source.SkippedFiles);
        Assert.True(source.Statistics.Sum(s => s.SkippedFirehoseChunks) >= 3, "chunks after the end were walked");
        Assert.True(source.Statistics.Sum(s => s.Events(Logging.Unified.Tracev3.TraceEventKind.Log)) < unfiltered.Statistics.Sum(s => s.Events(Logging.Unified.Tracev3.TraceEventKind.Log)) / 2);
    }

    [Fact]
    public void LevelAndPredicateRejectionsSkipMessageFormatting()
    {
        var filter = Filter("threadIdentifier == 42", null, null, LevelInclusion.Default);

        var hinted = Read(filter, readAhead: false, out _);

        Assert.NotEmpty(hinted);
        Assert.All(hinted, e => Assert.Equal(42, e.ThreadId));
        Assert.All(hinted, e => Assert.True(e.Level is LogLevel.Default or LogLevel.Error or LogLevel.Fault));
        Assert.All(hinted, e => Assert.False(e.IsMessageFormatted));
    }

    [Fact]
    public void ReadAheadYieldsTheSameEntriesInTheSameOrder()
    {
        var direct = Read(null, readAhead: false, out var a);
        var ahead = Read(null, readAhead: true, out var b);

        Assert.Equal(direct.Select(Key), ahead.Select(Key));
        Assert.All(ahead, e => Assert.True(e.IsMessageFormatted));
        Assert.Equal(a.Summary.Entries, b.Summary.Entries);
        Assert.Equal(a.Summary.Bytes, b.Summary.Bytes);
    }

    [Fact]
    public void ReadAheadInTimeOrderMatchesTheDirectMerge()
    {
        var direct = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true, ReadAhead = false }).ReadEntries().Select(Key).ToList();
        var ahead = new UnifiedLogSource(_dir, new UnifiedLogOptions { TimeOrder = true, ReadAhead = true }).ReadEntries().Select(Key).ToList();

        Assert.Equal(direct, ahead);
    }

    [Fact]
    public void StoppingEarlyStopsTheWorker()
    {
        var source = new UnifiedLogSource(_dir, new UnifiedLogOptions { ReadAhead = true });

        var firstTwo = source.ReadEntries().Take(2).ToList();

        Assert.Equal(2, firstTwo.Count);
        Assert.Equal(Read(null, readAhead: false, out _).Take(2).Select(Key), firstTwo.Select(Key));
    }

    [Fact]
    public void CancellingThroughTheTokenEndsTheReadWithOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var source = new UnifiedLogSource(_dir, new UnifiedLogOptions { ReadAhead = true });
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in source.ReadEntries(cancel.Token))
            {
                if (++seen == 3)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.True(seen >= 3);
    }

    /// <summary>A file whose header says it was created at mach time <paramref name="created"/> (no timesync: header clock).</summary>
    internal static byte[] FileCreatedAt(ulong created, params byte[][] chunksetBlocks) =>
        FileCreatedAt(created, Tracev3Image.Catalog(), chunksetBlocks);

    /// <summary>A file with its header at <paramref name="created"/> and this catalog before the chunksets.</summary>
    internal static byte[] FileCreatedAt(ulong created, byte[] catalog, byte[][] chunksetBlocks)
    {
        var header = new ByteImage()
            .U32(125).U32(3).U64(created).U32(1_649_855_670).U32(0).U32(0).I32(300).U32(1).U32(1)
            .U32(0x6100).U32(8).U64(created)
            .U32(0x6101).U32(56).U32(0).U32(0).Fixed("19D52", 16).Fixed("J96AP", 32)
            .U32(0x6102).U32(24).Uuid(Tracev3Image.Boot).U32(30).U32(0)
            .U32(0x6103).U32(48).Fixed("/var/db/timezone/zoneinfo/America/Toronto", 48)
            .ToArray();
        var image = new ByteImage().Append(Tracev3Image.Chunk(0x1000, header)).Append(Tracev3Image.Chunk(0x600B, catalog));
        foreach (var block in chunksetBlocks)
        {
            image.Append(Tracev3Image.Chunk(0x600D, block));
        }

        return image.ToArray();
    }

    internal static byte[] FirehoseAt(ulong baseTime, params byte[][] tracepoints)
    {
        var body = tracepoints.SelectMany(t => t).ToArray();
        return new ByteImage()
            .U64(Tracev3Image.FirstProcId).U32(Tracev3Image.SecondProcId).U8(0).U8(0).U16(0)
            .U16((ushort)(16 + body.Length)).U16(0x1000).U16(0).U8(0).U8(0).U64(baseTime)
            .Bytes(body)
            .ToArray();
    }
}
