using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Filtering.Time;
using CallKitDoctor.Logging.Output;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Testing;

using static CallKitDoctor.Logging.Tests.Unified.JsonPaths;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>
/// <see cref="UnifiedLogSource.WriteJson"/> in time order over files that overlap in time (the direct event merge, no
/// entries) writes the same bytes, counts the same entries and reports the same issues as writing the entries of the
/// time-ordered <see cref="UnifiedLogSource.ReadEntries"/>: over many built files whose events interleave (and now
/// and then go back in time within a file), with statedumps small and large, missing format strings, oversize data
/// joined within a file and across files, a damaged file, level and time filters, read-ahead on and off, and against
/// the entry merge with parked readers.
/// </summary>
public sealed class DirectMergeTests : IDisposable
{
    private const ulong FirstFileTime = 96_000_000_000_000;
    private const int FileCount = 150;
    private static readonly byte[] LogTypes = [0x00, 0x01, 0x02, 0x10, 0x11];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ckd-directmerge-" + Guid.NewGuid().ToString("N"));

    public DirectMergeTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "Persist"));
        var name = Tracev3Image.MainUuid.ToString("N").ToUpperInvariant();
        Directory.CreateDirectory(Path.Combine(_dir, "uuidtext", name[..2]));
        File.WriteAllBytes(Path.Combine(_dir, "uuidtext", name[..2], name[2..]), StringFileTests.BuildUuidText("/usr/libexec/callservicesd",
            (0x1234, ["Call %{public}s started \"quoted\" / \u00e9"]), (0x1300, ["Failed: %s"]), (0x1400, ["%d%% done, tab\there"]),
            (0x1500, ["joined: %s"])));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static uint FormatOf(int i) => (i % 4) switch
    {
        0 => 0x1234u,
        1 => 0x1300u,
        2 => 0x1400u,
        _ => 0x9999u, // no such format string: the missing-data placeholder
    };

    /// <summary>
    /// File <paramref name="index"/>: created a few microseconds after the previous one, three chunksets (LZ4 and
    /// uncompressed) of two firehose chunks whose tracepoints interleave with every other file's (some going back in
    /// time), a small and a large statedump; every seventh file also holds an oversize chunk and, a chunkset later, an
    /// event whose items are in it (reference 1000 + index), and the file after it an event joined to that same chunk.
    /// </summary>
    private static byte[] OverlappingFile(int index)
    {
        var created = FirstFileTime + ((ulong)index * 3_000);
        var blocks = new List<byte[]>();
        for (var c = 0; c < 3; c++)
        {
            var chunks = new List<(uint, byte[])>();
            if (c == 0 && index % 7 == 0)
            {
                chunks.Add((0x6002, OversizeTests.Oversize((uint)(1000 + index), new ItemsImage().String("oversize of file " + index).ToArray())));
            }

            for (var f = 0; f < 2; f++)
            {
                var baseTime = created + 10_000 + ((ulong)(c * 2 + f) * 600_000);
                var tracepoints = new List<byte[]>();
                for (var k = 0; k < 9; k++)
                {
                    var delta = (uint)((k * 60_000) + (index % 13 * 1_000) - (k % 4 == 3 ? 90_000 : 0) + 100_000);
                    tracepoints.Add(Tracev3Image.LogTracepoint(LogTypes[(index + c + f + k) % LogTypes.Length], FormatOf(index + k),
                        (ulong)(40 + k), delta, (uint)(70 + k), 0x4000));
                }

                var joins = c == 1 && f == 0 ? index % 7 == 0 ? index : index % 7 == 1 ? index - 1 : -1 : -1;
                if (joins >= 0)
                {
                    var data = new ByteImage().U32(0x4000).U16((ushort)(1000 + joins)).ToArray();
                    tracepoints.Add(Tracev3Image.Tracepoint(0x04, 0x00, 0x0002 | 0x0800, 0x1500, 7, 200_000, data));
                }

                chunks.Add((0x6001, UnifiedPushDownTests.FirehoseAt(baseTime, [.. tracepoints])));
            }

            chunks.Add((0x6003, Tracev3Image.StateDump("small " + index, [1, 2, 3, (byte)c], 99)));
            if (c == 2 && index % 3 == 0)
            {
                chunks.Add((0x6003, Tracev3Image.StateDump("large \"dump\" " + index, [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 + index))], 100)));
            }

            var content = Tracev3Image.ChunksetContent([.. chunks]);
            blocks.Add((c + index) % 2 == 0 ? Tracev3Image.Lz4(content) : Tracev3Image.Uncompressed(content));
        }

        return UnifiedPushDownTests.FileCreatedAt(created, [.. blocks]);
    }

    private string WriteFiles(int count, string folder = "Persist", int damaged = -1)
    {
        var persist = Path.Combine(_dir, folder);
        Directory.CreateDirectory(persist);
        for (var i = 0; i < count; i++)
        {
            var bytes = OverlappingFile(i);
            File.WriteAllBytes(Path.Combine(persist, $"{i + 1:x16}.tracev3"), i == damaged ? bytes[..^40] : bytes);
        }

        return persist;
    }

    /// <summary>Window budgets of the windowed variants: none (live readers), one byte (one-event windows), 256 KB, 8 MB.</summary>
    private static readonly long?[] Budgets = [null, 1, 256 * 1024, 8 << 20];

    public static TheoryData<bool, bool, int, int> Variants()
    {
        var data = new TheoryData<bool, bool, int, int>();
        foreach (var ndjson in new[] { true, false })
        {
            foreach (var readAhead in new[] { true, false })
            {
                for (var filter = 0; filter < 4; filter++)
                {
                    for (var budget = 0; budget < Budgets.Length; budget++)
                    {
                        data.Add(ndjson, readAhead, filter, budget);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ManyOverlappingFilesGiveTheSameBytesAsTheEntryMerge(bool ndjson, bool readAhead, int filterKind, int budget)
    {
        WriteFiles(FileCount, damaged: 77);
        var filter = BuildFilter(filterKind, _dir);
        var options = Options(readAhead, filter);
        var windowed = Budgets[budget] is not null;

        var (expected, entries) = ViaEntries(_dir, options, ndjson);
        // Windowed: past 10 open files, cursors render windows of their next events (their share of the budget) and
        // park their readers.
        var (actual, direct) = Direct(_dir, options, ndjson, windowed ? 10 : null, Budgets[budget]);

        Assert.True(expected.Length > 100_000, "the archive wrote too little to compare");
        Assert.Equal(Decoded(expected), Decoded(actual));
        Assert.Equal(entries.Summary.Entries, direct.Summary.Entries);
        Assert.Equal(direct.Summary.Entries, direct.DirectEntries);
        Assert.Equal(Issues(entries.Summary), Issues(direct.Summary));
        if (filterKind != 3)
        {
            // (A time window ending before the damaged chunkset skips it unread.)
            Assert.True(direct.Summary.IsPartial, "the damaged file should be reported");
            Assert.Contains(direct.Summary.Issues, i => i.Source.EndsWith($"{78:x16}.tracev3", StringComparison.Ordinal));
        }

        Assert.Null(direct.LastMerge);
        // Every file starts before the first one's first event: all are open at once (with a start time, the files
        // created before it are left out, as the entry path leaves them out).
        Assert.Equal(entries.LastMerge!.MaxOpenFiles, direct.LastEventMerge!.MaxOpenFiles);
        Assert.InRange(direct.LastEventMerge.MaxOpenFiles, filterKind == 3 ? 20 : FileCount, FileCount);
        Assert.Equal(windowed, direct.LastEventMerge.Windows > 0);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(1, null)]
    [InlineData(5, null)]
    [InlineData(1, 1L)]
    [InlineData(5, 16L * 1024)]
    public void TheMergeInterleavesTheFilesAndJoinsOversizeDataWithinAndAcrossFiles(int? liveReaderLimit, long? windowBudget)
    {
        WriteFiles(40);
        var options = Options(readAhead: true, filter: null);

        var (actual, direct) = Direct(_dir, options, ndjson: true, liveReaderLimit, windowBudget);
        var lines = Decoded(actual).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (byFile, _) = Direct(_dir, new UnifiedLogOptions { ReadAhead = true, StringsDirectory = options.StringsDirectory }, ndjson: true);

        Assert.Equal(direct.Summary.Entries + 1, lines.Length); // and the trailer
        Assert.NotEqual(Decoded(byFile), Decoded(actual));
        Assert.Equal(Decoded(byFile).Split('\n').Order(StringComparer.Ordinal), Decoded(actual).Split('\n').Order(StringComparer.Ordinal));
        // File 0 and file 1 are both joined to file 0's oversize chunk; file 7 (and 8) to file 7's.
        Assert.Equal(2, lines.Count(l => l.Contains("joined: oversize of file 0\"", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains("joined: oversize of file 7\"", StringComparison.Ordinal)));
        Assert.Equal(40, direct.LastEventMerge!.MaxOpenFiles);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheDirectMergeMatchesTheEntryMergeWithParkedReaders(bool readAhead)
    {
        WriteFiles(120);
        var options = Options(readAhead, filter: null);
        var entries = new UnifiedLogSource(_dir, options) { MergeLiveReaderLimit = 6, MergeByteBudget = 128 * 1024 };
        using var stream = new MemoryStream();
        using (var writer = LogEntryWriter.Create(LogOutputStyle.Ndjson, stream))
        {
            foreach (var entry in entries.ReadEntries())
            {
                writer.Write(entry);
            }

            writer.Complete();
        }

        var (actual, direct) = Direct(_dir, options, ndjson: true);
        var (windowed, windowedSource) = Direct(_dir, options, ndjson: true, liveReaderLimit: 3, windowBudget: 256 * 1024);

        Assert.True(entries.LastMerge!.MaxLiveReaders <= 7, "the entry merge should have parked its readers");
        Assert.True(windowedSource.LastEventMerge!.Windows > 120, "the direct merge should have windowed its cursors");
        Assert.Equal(Decoded(actual), Decoded(windowed));
        Assert.Equal(Decoded(stream.ToArray()), Decoded(actual));
        Assert.Equal(entries.Summary.Entries, direct.DirectEntries);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(700L)]
    [InlineData(4L * 1024)]
    [InlineData(64L * 1024)]
    [InlineData(1L << 20)]
    [InlineData(1L << 30)]
    public void AnyWindowBudgetGivesTheBytesOfTheLiveMerge(long budget)
    {
        WriteFiles(60, damaged: 21);
        var options = Options(readAhead: true, filter: null);

        var (live, liveSource) = Direct(_dir, options, ndjson: true);
        // Every file windowed: from one-event windows that render nearly every statedump from the reader, to windows
        // holding whole files.
        var (windowed, source) = Direct(_dir, options, ndjson: true, liveReaderLimit: 1, windowBudget: budget);

        Assert.Equal(Decoded(live), Decoded(windowed));
        Assert.Equal(liveSource.DirectEntries, source.DirectEntries);
        Assert.Equal(Issues(liveSource.Summary), Issues(source.Summary));
        Assert.Equal(0, liveSource.LastEventMerge!.Windows);
        var merge = source.LastEventMerge!;
        Assert.True(merge.Windows > 0);
        Assert.True(merge.WindowedEvents > 0);
        if (budget == 1)
        {
            // One event per window.
            Assert.Equal(merge.WindowedEvents, merge.Windows, tolerance: merge.Windows / 10);
        }
        else if (budget == 1L << 30)
        {
            // A window per file, or about: the budget does not bind.
            Assert.InRange(merge.Windows, 60, 60 * 8);
        }
    }

    [Fact]
    public void WindowsHoldAboutTheBudgetHoweverManyFilesOverlap()
    {
        const long budget = 1 << 20;
        WriteFiles(50, folder: Path.Combine("few", "Persist"));
        WriteFiles(150, folder: Path.Combine("many", "Persist"));
        var options = Options(readAhead: true, filter: null);

        var (_, few) = Direct(Path.Combine(_dir, "few"), options, ndjson: true, liveReaderLimit: 1, windowBudget: budget);
        var (_, many) = Direct(Path.Combine(_dir, "many"), options, ndjson: true, liveReaderLimit: 1, windowBudget: budget);
        var (_, unbounded) = Direct(Path.Combine(_dir, "many"), options, ndjson: true, liveReaderLimit: 1, windowBudget: 1L << 30);

        Assert.Equal(150, many.LastEventMerge!.MaxOpenFiles);
        Assert.InRange(few.LastEventMerge!.PeakWindowBytes, budget / 4, budget * 5 / 4);
        Assert.InRange(many.LastEventMerge.PeakWindowBytes, budget / 4, budget * 5 / 4);
        // Three times the files, shorter windows: more of them for the same events.
        Assert.True(many.LastEventMerge.Windows > 3 * few.LastEventMerge.Windows,
            $"{many.LastEventMerge.Windows} windows for 150 files, {few.LastEventMerge.Windows} for 50");
        // Without the budget binding, the same files hold several times as much.
        Assert.True(unbounded.LastEventMerge!.PeakWindowBytes > 3 * budget, $"{unbounded.LastEventMerge.PeakWindowBytes} bytes");
    }

    [Fact]
    public void AFileThatCannotBeReadAmongOverlappingOnesIsReportedTheSame()
    {
        WriteFiles(30);
        // A file of garbage between the others: its issue names it, the rest is merged.
        File.WriteAllBytes(Path.Combine(_dir, "Persist", $"{15:x16}.tracev3"), [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 31))]);
        File.WriteAllBytes(Path.Combine(_dir, "Persist", "0000000000000100.tracev3"), []);

        var (expected, entries) = ViaEntries(_dir, Options(readAhead: true, filter: null), ndjson: false);
        var (actual, direct) = Direct(_dir, Options(readAhead: true, filter: null), ndjson: false);

        Assert.Equal(Decoded(expected), Decoded(actual));
        Assert.Equal(Issues(entries.Summary), Issues(direct.Summary));
        Assert.True(direct.Summary.IsPartial);
        Assert.Contains(direct.Summary.Issues, i => i.Source.EndsWith($"{15:x16}.tracev3", StringComparison.Ordinal));
        Assert.Equal(entries.Summary.Entries, direct.DirectEntries);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void CopiesOfTheSharedFilesMergeToTheSameBytes(bool ndjson)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var shared = SharedData.PathOf("testdata", "unified_logging")!;
        var persist = Path.Combine(_dir, "shared", "Persist");
        Directory.CreateDirectory(persist);
        foreach (var file in Directory.GetFiles(shared, "*.tracev3"))
        {
            for (var copy = 0; copy < 3; copy++)
            {
                File.Copy(file, Path.Combine(persist, copy + Path.GetFileName(file)));
            }
        }

        var options = new UnifiedLogOptions
        {
            TimeOrder = true,
            StringsDirectory = Path.Combine(shared, "uuidtext"),
            TimesyncDirectory = Path.Combine(shared, "timesync"),
            Filter = new EntryFilter(null, TimeRange.All, LevelInclusion.Everything),
        };
        var folder = Path.GetDirectoryName(persist)!;

        var (expected, entries) = ViaEntries(folder, options, ndjson);
        var (actual, direct) = Direct(folder, options, ndjson);

        Assert.True(direct.DirectEntries > 0);
        Assert.Equal(entries.Summary.Entries, direct.DirectEntries);
        Assert.NotNull(direct.LastEventMerge);
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.AsSpan().SequenceEqual(actual), "the direct merge wrote other bytes");
        Assert.Equal(Issues(entries.Summary), Issues(direct.Summary));
    }

    private UnifiedLogOptions Options(bool readAhead, EntryFilter? filter) =>
        new() { ReadAhead = readAhead, TimeOrder = true, Filter = filter, StringsDirectory = Path.Combine(_dir, "uuidtext") };

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
                var all = new UnifiedLogSource(dir, new UnifiedLogOptions { ReadAhead = false, TimeOrder = true }).ReadEntries().ToList();
                return new EntryFilter(null, new TimeRange(all[all.Count / 50].Timestamp!.Value.Instant, all[all.Count * 3 / 4].Timestamp!.Value.Instant),
                    LevelInclusion.Everything);
        }
    }
}
