using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Predicates;
using CallKitDoctor.Logging.Filtering.Time;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Time;
using CallKitDoctor.Testing;

using static CallKitDoctor.Logging.Tests.Unified.JsonPaths;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>
/// <see cref="UnifiedLogSource.WriteJson"/> (events straight from the reader to the JSON writer) writes the same bytes,
/// counts the same entries and reports the same issues as writing every entry of <see cref="UnifiedLogSource.ReadEntries"/>
/// that the filter matches: over built archives (several files, every level, small and large statedumps, an entry
/// joined to a later oversize chunk, a damaged file), the shared real files, both JSON styles, with and without the
/// read-ahead worker, in file and time order, with level and time filters.
/// </summary>
public sealed class DirectJsonTests : IDisposable
{
    private const ulong FirstFileTime = 96_000_000_000_000;
    private const ulong FileSpan = 3_000_000;
    private static readonly byte[] LogTypes = [0x00, 0x01, 0x02, 0x10, 0x11];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ckd-direct-" + Guid.NewGuid().ToString("N"));

    public DirectJsonTests()
    {
        var persist = Path.Combine(_dir, "Persist");
        Directory.CreateDirectory(persist);
        for (var f = 0; f < 3; f++)
        {
            var created = FirstFileTime + ((ulong)f * FileSpan);
            var blocks = new List<byte[]>();
            for (var c = 0; c < 3; c++)
            {
                var baseTime = created + 1000 + ((ulong)c * 900_000);
                var tracepoints = Enumerable.Range(0, 7)
                    .Select(i => Tracev3Image.LogTracepoint(LogTypes[(f + c + i) % LogTypes.Length], FormatOf(i),
                        (ulong)(40 + i), (uint)(i * 50_000), (uint)(70 + i), 0x4000))
                    .ToArray();
                var content = Tracev3Image.ChunksetContent(
                    (0x6001, UnifiedPushDownTests.FirehoseAt(baseTime, tracepoints)),
                    (0x6003, Tracev3Image.StateDump("small", [1, 2, 3, (byte)c], 99)),
                    (0x6003, Tracev3Image.StateDump("large \"dump\"", [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 + f))], 100)));
                blocks.Add(c % 2 == 0 ? Tracev3Image.Lz4(content) : Tracev3Image.Uncompressed(content));
            }

            File.WriteAllBytes(Path.Combine(persist, $"{f + 1:x16}.tracev3"), UnifiedPushDownTests.FileCreatedAt(created, [.. blocks]));
        }

        // A file whose last chunkset is cut short: what comes before is printed, the rest is an issue.
        var whole = UnifiedPushDownTests.FileCreatedAt(FirstFileTime + (3 * FileSpan),
            Tracev3Image.Lz4(Tracev3Image.SampleContent()), Tracev3Image.Lz4(Tracev3Image.SampleContent()));
        File.WriteAllBytes(Path.Combine(persist, $"{4:x16}.tracev3"), whole[..^30]);

        var name = Tracev3Image.MainUuid.ToString("N").ToUpperInvariant();
        Directory.CreateDirectory(Path.Combine(_dir, "uuidtext", name[..2]));
        File.WriteAllBytes(Path.Combine(_dir, "uuidtext", name[..2], name[2..]), StringFileTests.BuildUuidText("/usr/libexec/callservicesd",
            (0x1234, ["Call %{public}s started \"quoted\" / \u00e9"]), (0x1300, ["Failed: %s"]), (0x1400, ["%d%% done, tab\there"])));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static uint FormatOf(int i) => (i % 4) switch
    {
        0 => 0x1234u,
        1 => 0x1300u,
        2 => 0x1400u,
        _ => 0x9999u, // no such format string: the missing-data placeholder
    };

    public static TheoryData<bool, bool, bool, int> Variants()
    {
        var data = new TheoryData<bool, bool, bool, int>();
        foreach (var ndjson in new[] { true, false })
        {
            foreach (var readAhead in new[] { true, false })
            {
                foreach (var timeOrder in new[] { false, true })
                {
                    for (var filter = 0; filter < 4; filter++)
                    {
                        data.Add(ndjson, readAhead, timeOrder, filter);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void TheBuiltArchiveGivesTheSameBytesEitherWay(bool ndjson, bool readAhead, bool timeOrder, int filterKind)
    {
        var filter = BuildFilter(filterKind, _dir);

        var (expected, expectedSource) = ViaEntries(_dir, Options(readAhead, timeOrder, filter), ndjson);
        var (actual, actualSource) = Direct(_dir, Options(readAhead, timeOrder, filter), ndjson);

        Assert.True(expected.Length > 1000, "the archive wrote too little to compare");
        Assert.Equal(Decoded(expected), Decoded(actual));
        Assert.Equal(expectedSource.Summary.Entries, actualSource.Summary.Entries);
        Assert.Equal(Issues(expectedSource.Summary), Issues(actualSource.Summary));
        Assert.True(actualSource.Summary.IsPartial, "the damaged file should be reported");
    }

    [Fact]
    public void APredicateGoesThroughTheEntriesAndOverlappingFilesThroughTheDirectMerge()
    {
        // The built archive's catalogs all claim the same span: the files are merged event by event (still directly).
        var (_, fileOrder) = Direct(_dir, Options(readAhead: true, timeOrder: false, filter: null), ndjson: true);
        var (_, timeOrder) = Direct(_dir, Options(readAhead: true, timeOrder: true, filter: null), ndjson: true);
        var predicate = new EntryFilter(Predicate("threadIdentifier == 42"), TimeRange.All, LevelInclusion.Everything);
        var (_, filtered) = Direct(_dir, Options(readAhead: true, timeOrder: false, predicate), ndjson: true);

        Assert.True(fileOrder.DirectEntries > 0);
        Assert.Equal(fileOrder.Summary.Entries, fileOrder.DirectEntries);
        Assert.Equal(timeOrder.Summary.Entries, timeOrder.DirectEntries);
        Assert.NotNull(timeOrder.LastEventMerge);
        Assert.Equal(0, filtered.DirectEntries);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void FilesOneAfterAnotherInTimeAreWrittenDirectlyInTimeOrder(bool ndjson, bool readAhead)
    {
        // Files whose catalogs give their true spans, which follow each other in time but not in name order.
        var folder = Path.Combine(_dir, "sequence");
        Directory.CreateDirectory(folder);
        var fileOrder = new[] { 2, 0, 3, 1 };
        for (var f = 0; f < fileOrder.Length; f++)
        {
            var created = FirstFileTime + ((ulong)fileOrder[f] * FileSpan);
            var tracepoints = Enumerable.Range(0, 9)
                .Select(i => Tracev3Image.LogTracepoint(LogTypes[i % LogTypes.Length], FormatOf(i), (ulong)(40 + i), (uint)(i * 50_000), 1, 0x4000))
                .ToArray();
            var firehose = UnifiedPushDownTests.FirehoseAt(created + 1000, tracepoints);
            var catalog = CatalogSpanning(created + 1000, created + 1000 + (8 * 50_000));
            File.WriteAllBytes(Path.Combine(folder, $"{f + 1:x16}.tracev3"),
                UnifiedPushDownTests.FileCreatedAt(created, catalog, [Tracev3Image.Lz4(Tracev3Image.ChunksetContent((0x6001, firehose)))]));
        }

        var options = new UnifiedLogOptions { TimeOrder = true, ReadAhead = readAhead, StringsDirectory = Path.Combine(_dir, "uuidtext") };
        var (expected, entrySource) = ViaEntries(folder, options, ndjson);
        var (actual, source) = Direct(folder, options, ndjson);
        var (byName, _) = Direct(folder, new UnifiedLogOptions { ReadAhead = readAhead, StringsDirectory = options.StringsDirectory }, ndjson);

        Assert.Equal(36, source.DirectEntries);
        Assert.Equal(Decoded(expected), Decoded(actual));
        Assert.NotEqual(Decoded(byName), Decoded(actual));
        Assert.Equal(entrySource.Summary.Entries, source.Summary.Entries);
    }

    /// <summary>The test catalog with its one chunkset said to run from <paramref name="first"/> to <paramref name="last"/>.</summary>
    private static byte[] CatalogSpanning(ulong first, ulong last)
    {
        var catalog = Tracev3Image.Catalog();
        var claimed = new ByteImage().U64(Tracev3Image.BaseTime).U64(Tracev3Image.BaseTime + 1000).ToArray();
        var at = catalog.AsSpan().IndexOf(claimed);
        Assert.True(at > 0, "the test catalog no longer holds its chunkset span");
        new ByteImage().U64(first).U64(last).ToArray().CopyTo(catalog, at);
        return catalog;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FilesThatOverlapInTimeAreMergedEventByEvent(bool ndjson)
    {
        // Two copies of each file: every copy overlaps its twin, so the merge interleaves them.
        var folder = Path.Combine(_dir, "overlap");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(_dir, "Persist")).Order(StringComparer.Ordinal).Take(2))
        {
            File.Copy(file, Path.Combine(folder, "a" + Path.GetFileName(file)));
            File.Copy(file, Path.Combine(folder, "b" + Path.GetFileName(file)));
        }

        var options = new UnifiedLogOptions { TimeOrder = true, StringsDirectory = Path.Combine(_dir, "uuidtext") };
        var (expected, _) = ViaEntries(folder, options, ndjson);
        var (actual, source) = Direct(folder, options, ndjson);

        Assert.Equal(source.Summary.Entries, source.DirectEntries);
        Assert.Equal(4, source.LastEventMerge!.MaxOpenFiles);
        Assert.Equal(Decoded(expected), Decoded(actual));
    }

    [SkippableTheory]
    [InlineData("0000000000000f85.tracev3")]
    [InlineData("0000000000000030.tracev3")]
    public void EveryEntryOfTheSharedFilesLiesInItsCataloguedSpan(string file)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var folder = SharedData.PathOf("testdata", "unified_logging")!;
        var path = Path.Combine(folder, file);
        var timesync = TimesyncDatabase.FromDirectory(Path.Combine(folder, "timesync"));
        var span = CatalogTimes.Read(path, timesync);
        var entries = new UnifiedLogSource(path, new UnifiedLogOptions { TimesyncDirectory = Path.Combine(folder, "timesync"), ReadAhead = false })
            .ReadEntries().ToList();

        Assert.NotNull(span.First);
        Assert.NotNull(span.Last);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(e.Timestamp!.Value.CompareTo(span.First!.Value) >= 0 && e.Timestamp!.Value.CompareTo(span.Last!.Value) <= 0,
            $"{e.Timestamp} outside {span.First}..{span.Last}"));
    }

    [Fact]
    public void AnEntryJoinedToALaterOversizeChunkIsWrittenTheSame()
    {
        var data = new ByteImage().U32(0x4000).U16(9).ToArray();
        var tracepoint = Tracev3Image.Tracepoint(0x04, 0x00, 0x0002 | 0x0800, 0x1234, 1, 1, data);
        var first = Tracev3Image.ChunksetContent((0x6001, Tracev3Image.Firehose(tracepoint, Tracev3Image.LogTracepoint(0x00, 0x1300, 5, 20, 1, 0x4000))));
        var second = Tracev3Image.ChunksetContent((0x6002, OversizeTests.Oversize(9, new ItemsImage().String("a very long value").ToArray())));
        var folder = Path.Combine(_dir, "oversize");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "o.tracev3");
        File.WriteAllBytes(path, Tracev3Image.File(Tracev3Image.Uncompressed(first), Tracev3Image.Lz4(second)));
        var name = Tracev3Image.MainUuid.ToString("N").ToUpperInvariant();
        Directory.CreateDirectory(Path.Combine(folder, "uuidtext", name[..2]));
        File.WriteAllBytes(Path.Combine(folder, "uuidtext", name[..2], name[2..]), StringFileTests.BuildUuidText("/usr/bin/x", (0x1234, ["joined: %s"]), (0x1300, ["plain"])));

        // The entry path joins it only with the read-ahead worker (messages built per batch, before the batch is
        // handed over); written one by one, the entry is printed before the chunk is read. The direct path builds such
        // messages per batch either way, so it matches the read-ahead output in both modes.
        var (expected, _) = ViaEntries(path, Options(readAhead: true, false, null), ndjson: true);
        foreach (var readAhead in new[] { true, false })
        {
            var (actual, source) = Direct(path, Options(readAhead, false, null), ndjson: true);

            Assert.Contains("joined: a very long value", Decoded(actual));
            Assert.Equal(Decoded(expected), Decoded(actual));
            Assert.Equal(2, source.DirectEntries);
        }
    }

    [SkippableTheory]
    [InlineData("0000000000000f85.tracev3", true)]
    [InlineData("0000000000000f85.tracev3", false)]
    [InlineData("0000000000000030.tracev3", true)]
    [InlineData("", true)]
    [InlineData("", false)]
    public void TheSharedFilesGiveTheSameBytesEitherWay(string file, bool ndjson)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var folder = SharedData.PathOf("testdata", "unified_logging")!;
        var path = file.Length == 0 ? folder : Path.Combine(folder, file);
        var options = new UnifiedLogOptions
        {
            StringsDirectory = Path.Combine(folder, "uuidtext"),
            TimesyncDirectory = Path.Combine(folder, "timesync"),
            Filter = new EntryFilter(null, TimeRange.All, LevelInclusion.Everything),
        };

        var (expected, _) = ViaEntries(path, options, ndjson);
        var (actual, source) = Direct(path, options, ndjson);

        Assert.True(source.DirectEntries > 0);
        Assert.Equal(source.Summary.Entries, source.DirectEntries);
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.AsSpan().SequenceEqual(actual), "the direct path wrote other bytes");
    }

    private static LogPredicate Predicate(string text)
    {
        Assert.True(LogPredicate.TryParse(text, out var parsed, out var error), error?.Message);
        return parsed!;
    }

    private static UnifiedLogOptions Options(bool readAhead, bool timeOrder, EntryFilter? filter) =>
        new() { ReadAhead = readAhead, TimeOrder = timeOrder, Filter = filter };

    /// <summary>0: none; 1: every level; 2: the default levels; 3: every level within a time window.</summary>
    private static EntryFilter? BuildFilter(int kind, string dir)
    {
        switch (kind)
        {
            case 0:
                return null;
            case 1:
                return new EntryFilter(null, TimeRange.All, LevelInclusion.Everything);
            case 2:
                return new EntryFilter(null, TimeRange.All, LevelInclusion.Default);
            default:
                var all = new UnifiedLogSource(dir, new UnifiedLogOptions { ReadAhead = false }).ReadEntries().ToList();
                return new EntryFilter(null, new TimeRange(all[20].Timestamp!.Value.Instant, all[^20].Timestamp!.Value.Instant), LevelInclusion.Everything);
        }
    }
}
