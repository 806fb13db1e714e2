using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Formatting;
using CallKitDoctor.Logging.Unified.Strings;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified;

public sealed class UnifiedLogSourceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ckd-unified-" + Guid.NewGuid().ToString("N"));

    public UnifiedLogSourceTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const long WallAtZero = 1_653_800_000_000_000_000;

    private void WriteArchive(bool withStrings, bool withTimesync)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "Persist"));
        File.WriteAllBytes(Path.Combine(_dir, "Persist", "0000000000000001.tracev3"), Tracev3Image.File(Tracev3Image.Lz4(Tracev3Image.SampleContent())));
        File.WriteAllBytes(Path.Combine(_dir, "Persist", "._0000000000000001.tracev3"), [0, 5, 22, 7]);
        if (withStrings)
        {
            var name = Tracev3Image.MainUuid.ToString("N").ToUpperInvariant();
            Directory.CreateDirectory(Path.Combine(_dir, "uuidtext", name[..2]));
            File.WriteAllBytes(Path.Combine(_dir, "uuidtext", name[..2], name[2..]),
                StringFileTests.BuildUuidText("/usr/libexec/callservicesd", (0x1234, ["Call %{public}s started"]), (0x1300, ["Failed: %s"])));
        }

        if (withTimesync)
        {
            Directory.CreateDirectory(Path.Combine(_dir, "timesync"));
            File.WriteAllBytes(Path.Combine(_dir, "timesync", "0000000000000001.timesync"),
                TimesyncTests.BootRecord(Tracev3Image.Boot, 125, 3, WallAtZero).Append(TimesyncTests.SyncRecord(0, WallAtZero)).ToArray());
        }
    }

    [Fact]
    public void ReadsArchiveFolderWithStringsAndTimesyncAndFormatsLazily()
    {
        WriteArchive(withStrings: true, withTimesync: true);
        var source = new UnifiedLogSource(_dir, new UnifiedLogOptions { ReadAhead = false });

        var entries = source.ReadEntries().ToList();

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.False(e.IsMessageFormatted));
        var first = entries[0];
        Assert.Equal("Call %{public}s started", first.FormatString);
        Assert.Equal("Call hi started", first.EventMessage);
        Assert.True(first.IsMessageFormatted);
        Assert.Equal("callservicesd", first.Process);
        Assert.Equal("/usr/libexec/callservicesd", first.ProcessImagePath);
        Assert.Equal("callservicesd", first.Sender);
        Assert.Equal((int)Tracev3Image.Pid, first.ProcessId);
        Assert.Equal(42, first.ThreadId);
        Assert.Equal("com.example.demo", first.Subsystem);
        Assert.Equal("calls", first.Category);
        Assert.Equal(LogLevel.Default, first.Level);
        Assert.Equal(LogEventType.LogEvent, first.EventType);
        Assert.Equal(Tracev3Image.Boot, first.BootUuid);
        Assert.Equal("America/Toronto", first.TimeZoneName);
        var expectedNs = WallAtZero + (long)((Tracev3Image.BaseTime + 10) * 125 / 3);
        Assert.Equal(LogTimestamp.FromUnixNanoseconds(expectedNs, TimeSpan.FromHours(-4)), first.Timestamp);
        Assert.Equal("Failed: hi", entries[1].EventMessage);
        Assert.Equal(LogLevel.Error, entries[1].Level);
        Assert.Equal(LogEventType.StateEvent, entries[2].EventType);
        Assert.StartsWith("DemoState", entries[2].EventMessage, StringComparison.Ordinal);
        Assert.Equal(3, source.Summary.Entries);
        Assert.False(source.Summary.IsPartial);
        Assert.Equal("19D52", source.Context.OsBuild);
        Assert.Equal("J96AP", source.Context.DeviceModel);
    }

    [Fact]
    public void MissingStringFilesGiveTheInvalidImagePlaceholder()
    {
        WriteArchive(withStrings: false, withTimesync: false);
        var source = new UnifiedLogSource(_dir);

        var first = source.ReadEntries().First();

        Assert.Equal(MessagePlaceholders.MissingImage, first.EventMessage);
        Assert.Null(first.FormatString);
        // Header fallback time: wall-clock seconds of the header plus the converted mach time.
        Assert.Equal(LogTimestamp.FromUnixNanoseconds((1_649_855_670L * 1_000_000_000) + (long)((Tracev3Image.BaseTime + 10) * 125 / 3), TimeSpan.FromHours(-4)), first.Timestamp);
    }

    [Fact]
    public void CorruptFileYieldsWhatItCanAndReportsFileAndOffset()
    {
        var good = Tracev3Image.File(Tracev3Image.Uncompressed(Tracev3Image.SampleContent()));
        var path = Path.Combine(_dir, "bad.tracev3");
        File.WriteAllBytes(path, good.Concat(new ByteImage().U32(0x600D).U32(0x11).U64(1 << 30).ToArray()).ToArray());
        var source = new UnifiedLogSource(path);

        var entries = source.ReadEntries().ToList();

        Assert.Equal(3, entries.Count);
        Assert.True(source.Summary.IsPartial);
        var issue = Assert.Single(source.Summary.Issues);
        Assert.Equal(path, issue.Source);
        Assert.Equal(good.Length, issue.ByteOffset);
        // Entries point at the chunkset that holds them: after the header and catalog chunks.
        Assert.Equal(path, entries[0].Location.Source);
        Assert.Equal(Tracev3Image.Chunk(0x1000, Tracev3Image.Header()).Length + Tracev3Image.Chunk(0x600B, Tracev3Image.Catalog()).Length, entries[0].Location.ByteOffset);
        // ...and each names its own place inside that chunkset, so two entries of one chunkset never share a location.
        Assert.All(entries, e => Assert.Equal(entries[0].Location.ByteOffset, e.Location.ByteOffset));
        Assert.Equal(entries.Count, entries.Select(e => e.Location.InnerOffset).Distinct().Count());
        Assert.All(entries, e => Assert.InRange(e.Location.InnerOffset, 0, long.MaxValue));
        Assert.Equal($"{path}@0x{entries[1].Location.ByteOffset:x}+0x{entries[1].Location.InnerOffset:x}", entries[1].Location.ToString());
    }

    [Fact]
    public void MissingPathIsAnIssueNotAnException()
    {
        var source = new UnifiedLogSource(Path.Combine(_dir, "nope"));

        Assert.Empty(source.ReadEntries());
        Assert.True(source.Summary.IsPartial);
    }

    [SkippableFact]
    public void ReadsTheRealIpadFileWithPlaceholdersAndContext()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var source = new UnifiedLogSource(
            SharedData.PathOf("testdata", "unified_logging", "0000000000000f85.tracev3")!,
            new UnifiedLogOptions
            {
                StringsDirectory = SharedData.PathOf("testdata", "unified_logging", "uuidtext"),
                TimesyncDirectory = SharedData.PathOf("testdata", "unified_logging", "timesync"),
            });

        var entries = source.ReadEntries().ToList();

        Assert.Equal(8654, entries.Count);
        Assert.Equal(8158, entries.Count(e => e.EventType == LogEventType.LogEvent));
        Assert.Equal(496, entries.Count(e => e.EventType == LogEventType.StateEvent));
        Assert.Equal("19D52", source.Context.OsBuild);
        Assert.Equal("J96AP", source.Context.DeviceModel);
        Assert.Equal("America/Toronto", source.Context.TimeZoneName);
        Assert.False(source.Summary.IsPartial);
        // No string file here belongs to this device: every log message is the placeholder for its sender image.
        var logs = entries.Where(e => e.EventType == LogEventType.LogEvent).ToList();
        Assert.All(logs, e => Assert.Equal(MessagePlaceholders.MissingImage, e.EventMessage));
        Assert.Contains(entries, e => e.EventMessage.StartsWith("CLLocationManagerStateTracker", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void TruncatedSharedCacheFileIsReportedWhenLoaded()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var cache = new StringFileCache(SharedData.PathOf("testdata", "unified_logging", "uuidtext"));

        var dsc = cache.GetSharedCache(Guid.Parse("8E21CAB1-DCF9-36B4-9F85-CF860E6F34EC"));

        Assert.NotNull(dsc);
        Assert.Empty(dsc.Ranges);
        Assert.Contains(cache.Errors.Errors, e => e.File.EndsWith("8E21CAB1DCF936B49F85CF860E6F34EC", StringComparison.Ordinal) && e.ByteOffset == 16);
    }
}
