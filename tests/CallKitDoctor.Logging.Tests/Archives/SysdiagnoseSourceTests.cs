using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Tests.Unified;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Archives;

public sealed class SysdiagnoseSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ckd-archive-tests-").FullName;
    private readonly string _spoolParent;

    public SysdiagnoseSourceTests()
    {
        _spoolParent = Directory.CreateDirectory(Path.Combine(_dir, "spool")).FullName;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Key(LogEntry e) =>
        $"{e.Timestamp}|{e.Process}|{e.ProcessId}|{e.ThreadId}|{e.Subsystem}|{e.Category}|{e.Level}|{e.EventType}|{e.FormatString}|{e.EventMessage}|{e.BootUuid}";

    private (SysdiagnoseSource Source, List<LogEntry> Entries) Read(string path, ArchiveLayout layout)
    {
        var source = new SysdiagnoseSource(path, layout, new ArchiveOptions { TempParent = _spoolParent });
        var entries = source.ReadEntries().ToList();
        return (source, entries);
    }

    private string Packed(string name, Action<string, List<(string Path, byte[] Data)>> write, bool withStale = true)
    {
        var file = Path.Combine(_dir, name);
        write(file, SysdiagnoseImage.Members(withStale));
        return file;
    }

    [Fact]
    public void PackedEntriesCiteTheArchiveMemberNotTheTempFolder()
    {
        var tarGz = Packed(SysdiagnoseImage.Top + ".tar.gz", SysdiagnoseImage.WriteTarGz);
        var (source, entries) = Read(tarGz, ArchiveLayout.TarGzip);

        var logs = entries.Take(SysdiagnoseImage.LogEntries).ToList();
        Assert.All(logs, e => Assert.StartsWith($"{SysdiagnoseImage.Top}.tar.gz/{SysdiagnoseImage.LogArchive}/", e.Location.Source, StringComparison.Ordinal));
        Assert.All(logs, e => Assert.DoesNotContain(_spoolParent, e.Location.Source, StringComparison.Ordinal));
        Assert.Contains(source.Context.StoreWindows, w => w.Store == LogStoreKind.Persist);
    }

    [Fact]
    public void TarGzFolderZipAndLogArchiveGiveTheSameEntries()
    {
        var folder = Path.Combine(_dir, "extracted");
        SysdiagnoseImage.WriteFolder(folder, SysdiagnoseImage.Members());
        var tarGz = Packed(SysdiagnoseImage.Top + ".tar.gz", SysdiagnoseImage.WriteTarGz);
        var zip = Packed(SysdiagnoseImage.Top + ".zip", SysdiagnoseImage.WriteZip);

        var fromFolder = Read(folder, ArchiveLayout.Folder).Entries.Select(Key).ToList();
        var fromTar = Read(tarGz, ArchiveLayout.TarGzip).Entries.Select(Key).ToList();
        var fromZip = Read(zip, ArchiveLayout.Zip).Entries.Select(Key).ToList();
        var fromLogArchive = Read(Path.Combine(folder, SysdiagnoseImage.LogArchive), ArchiveLayout.Folder).Entries.Select(Key).ToList();
        var direct = new UnifiedLogSource(Path.Combine(folder, SysdiagnoseImage.LogArchive)).ReadEntries().Select(Key).ToList();

        Assert.Equal(SysdiagnoseImage.AllEntries, fromFolder.Count);
        Assert.Equal(fromFolder, fromTar);
        Assert.Equal(fromFolder, fromZip);
        Assert.Equal(direct, fromLogArchive);
        Assert.Equal(direct, fromFolder.Take(SysdiagnoseImage.LogEntries));
        Assert.Contains(fromFolder, k => k.Contains("Call hi started", StringComparison.Ordinal));
    }

    [Fact]
    public void TheStaleInProgressCopyIsNotChosen()
    {
        var (source, entries) = Read(Packed("capture.tar.gz", SysdiagnoseImage.WriteTarGz), ArchiveLayout.TarGzip);

        Assert.Equal(SysdiagnoseImage.LogArchive, source.LogArchive);
        Assert.Equal(SysdiagnoseImage.AllEntries, entries.Count);
        Assert.DoesNotContain(entries, e => e.Location.Source.Contains("IN_PROGRESS", StringComparison.Ordinal));
        Assert.Contains(source.Summary.Issues, i => i.Source.Contains("IN_PROGRESS_", StringComparison.Ordinal) && i.Message.Contains("stale", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOnlyInProgressCopyIsReadWithAWarning()
    {
        var folder = Path.Combine(_dir, "stale-only");
        SysdiagnoseImage.WriteFolder(folder, [($"{SysdiagnoseImage.Stale}/Persist/0000000000000009.tracev3", SysdiagnoseImage.OneEntryFile(0x1300, 900))]);

        var (source, entries) = Read(folder, ArchiveLayout.Folder);

        Assert.Single(entries);
        Assert.Contains(source.Summary.Issues, i => i.Message.Contains("only an IN_PROGRESS_", StringComparison.Ordinal));
    }

    [Fact]
    public void ContextBlockComesFromTheNamePlistAndHeaders()
    {
        var (source, entries) = Read(Packed(SysdiagnoseImage.Top + ".tar.gz", SysdiagnoseImage.WriteTarGz), ArchiveLayout.TarGzip);
        var context = source.Context;

        Assert.Equal(new DateTimeOffset(2025, 10, 28, 18, 28, 20, TimeSpan.FromHours(8)), context.CaptureTime);
        Assert.Equal("iPhone OS", context.Platform);
        Assert.Equal("iPhone", context.DeviceClass);
        Assert.Equal("23A355", context.OsBuild);
        Assert.Equal("iPhone OS 26.0.1", context.OsVersion);
        Assert.Equal("J96AP", context.DeviceModel);
        Assert.Equal("America/Toronto", context.TimeZoneName);
        Assert.Equal(SysdiagnoseImage.Top + ".tar.gz", context.ArchiveName);

        var logs = entries.Take(SysdiagnoseImage.LogEntries).ToList();
        Assert.Equal([LogStoreKind.Persist, LogStoreKind.Special], context.StoreWindows.Select(w => w.Store));
        var persist = context.StoreWindows[0];
        var persistTimes = logs.Where(e => e.Location.Source.Contains("/Persist/", StringComparison.Ordinal)).Select(e => e.Timestamp!.Value.Instant!.Value).ToList();
        Assert.Equal(3, persist.Entries);
        Assert.Equal(1, persist.Files);
        Assert.Equal(persistTimes.Min(), persist.First);
        Assert.Equal(persistTimes.Max(), persist.Last);
        Assert.True(persist.First < persist.Last);
        var special = context.StoreWindows[1];
        Assert.Equal(1, special.Entries);
        Assert.Equal(special.First, special.Last);
        Assert.True(special.First > persist.Last, "the Special entry is logged 4000 ticks after the base time");

        var boot = Assert.Single(context.BootSessions);
        Assert.Equal(Tracev3Image.Boot, boot.BootUuid);
        Assert.Equal(SysdiagnoseImage.LogEntries, boot.Entries);
        Assert.Equal(persist.First, boot.First);
        Assert.Equal(special.Last, boot.Last);
    }

    [Fact]
    public void CrashReportsFollowTheLogAndNameTheirArchiveMember()
    {
        var (source, entries) = Read(Packed("capture.zip", SysdiagnoseImage.WriteZip), ArchiveLayout.Zip);

        var crash = entries.Skip(SysdiagnoseImage.LogEntries).Take(SysdiagnoseImage.CrashEntries).ToList();
        Assert.Equal(SysdiagnoseImage.CrashEntries, crash.Count);
        Assert.Contains(crash, e => e.EventMessage.StartsWith("Termination Reason: FRONTBOARD 0xbaadca11", StringComparison.Ordinal));
        Assert.All(crash, e => Assert.Equal($"capture.zip/{SysdiagnoseImage.Top}/crashes_and_spins/VoipApp-2025-10-28-182000.ips", e.Location.Source));
        Assert.Equal([$"{SysdiagnoseImage.Top}/crashes_and_spins/VoipApp-2025-10-28-182000.ips"], source.CrashReports);
        Assert.Equal(SysdiagnoseImage.AllEntries, source.Summary.Entries);
    }

    [Fact]
    public void OnlyNeededMembersAreSpooledAndTheTempFolderIsRemoved()
    {
        var (source, entries) = Read(Packed("capture.tar.gz", SysdiagnoseImage.WriteTarGz), ArchiveLayout.TarGzip);

        Assert.NotEmpty(entries);
        var needed = SysdiagnoseImage.Members().Where(m => !m.Path.Contains("unrelated", StringComparison.Ordinal)).Sum(m => (long)m.Data.Length);
        Assert.Equal(needed, source.SpooledBytes);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_spoolParent));
    }

    [Fact]
    public void AbandonedEnumerationIsCleanedByDispose()
    {
        var file = Packed("capture.tar.gz", SysdiagnoseImage.WriteTarGz);
        using (var source = new SysdiagnoseSource(file, ArchiveLayout.TarGzip, new ArchiveOptions { TempParent = _spoolParent }))
        {
            using var e = source.ReadEntries().GetEnumerator();
            Assert.True(e.MoveNext());
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(_spoolParent));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_spoolParent));
    }

    [Fact]
    public void LogSourcesOpenDispatchesArchivesByContent()
    {
        var tarGz = Packed("a.bin", SysdiagnoseImage.WriteTarGz);
        var zip = Packed("b.bin", SysdiagnoseImage.WriteZip);

        var fromTar = Assert.IsType<SysdiagnoseSource>(LogSources.Open(tarGz));
        var fromZip = Assert.IsType<SysdiagnoseSource>(LogSources.Open(zip));

        Assert.Equal(ArchiveLayout.TarGzip, fromTar.Layout);
        Assert.Equal(ArchiveLayout.Zip, fromZip.Layout);
        Assert.Equal(SysdiagnoseImage.AllEntries, fromTar.ReadEntries().Count());
        Assert.Null(ArchiveDetector.Detect(Path.Combine(_dir, "missing")));
    }

    [SkippableFact]
    public void RealFilesPackedAsASysdiagnoseGiveTheSameEntriesAsTheFolder()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var real = SharedData.PathOf("testdata", "unified_logging")!;
        var members = Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => ($"{SysdiagnoseImage.Top}/system_logs.logarchive/{Path.GetRelativePath(real, f).Replace('\\', '/')}", File.ReadAllBytes(f)))
            .ToList();
        var tarGz = Path.Combine(_dir, SysdiagnoseImage.Top + ".tar.gz");
        SysdiagnoseImage.WriteTarGz(tarGz, members);

        var unified = new UnifiedLogSource(real);
        var direct = unified.ReadEntries().Select(Key).ToList();
        var (source, packed) = Read(tarGz, ArchiveLayout.TarGzip);

        Assert.Equal(8654 + 5, direct.Count);
        Assert.Equal(direct, packed.Select(Key));
        Assert.Equal(unified.Context.DeviceModel, source.Context.DeviceModel);
        Assert.Equal("23A355", source.Context.OsBuild); // the sysdiagnose name wins over the tracev3 headers
        Assert.Equal(direct.Count, source.Context.BootSessions.Sum(b => b.Entries));
        Assert.All(source.Context.StoreWindows, w => Assert.True(w.First <= w.Last));
        Assert.Equal(8654 + 5, source.Context.StoreWindows.Sum(w => w.Entries));
    }
}
