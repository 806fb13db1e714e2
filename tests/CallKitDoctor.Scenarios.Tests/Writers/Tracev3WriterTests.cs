using System.Buffers.Binary;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Strings;
using CallKitDoctor.Logging.Unified.Tracev3;
using CallKitDoctor.Scenarios.Strings;
using CallKitDoctor.Scenarios.Tracev3;

namespace CallKitDoctor.Scenarios.Tests.Writers;

public class Tracev3WriterTests
{
    private static readonly Guid Boot = Guid.Parse("5F0C2E7A-3B1D-4C8E-9A41-6D2B7E90C315");
    private static readonly Guid AppMain = Guid.Parse("D5A2BDF8-5C5E-34DC-A530-EF59A6121E41");
    private static readonly Guid DaemonMain = Guid.Parse("0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9");
    private static readonly Guid Cache = Guid.Parse("671E0820-86AB-3339-A384-01EFBD8017A4");
    private static readonly DateTimeOffset Start = new(2025, 10, 23, 5, 0, 39, TimeSpan.Zero);

    private sealed record Fixture(byte[] File, UuidtextWriter AppText, UuidtextWriter DaemonText, DscWriter Dsc, TraceProcess App, TraceProcess Daemon);

    private static TraceFileInfo Info() => new()
    {
        ContinuousTime = 2_592_000_000_000,
        WallClock = Start,
        MinutesWest = -600,
        DaylightSavings = true,
        BuildVersion = "22E252",
        HardwareModel = "D83AP",
        BootUuid = Boot,
        TimeZoneName = "Australia/Sydney",
    };

    private static Fixture Build(int extraRecords = 0)
    {
        var appText = new UuidtextWriter(AppMain, "/private/var/containers/Bundle/Application/X/Glip.app/Glip");
        var daemonText = new UuidtextWriter(DaemonMain, "/System/Library/PrivateFrameworks/TelephonyUtilities.framework/callservicesd");
        var dsc = new DscWriter(Cache);
        var callKit = dsc.AddImage(Guid.Parse("AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE"), "/System/Library/Frameworks/CallKit.framework/CallKit");
        var app = new TraceProcess(1892, 501, 0x8_4A21, 0x14_0C3F, AppMain, Cache);
        var daemon = new TraceProcess(127, 501, 0x1_0B7E, 0x9A11, DaemonMain, Cache);
        var writer = new Tracev3Writer(Info());
        var t = Info().ContinuousTime + 100;

        writer.Add(new TraceRecord
        {
            Process = app,
            ThreadId = 0x3b1f0,
            MachTime = t,
            FormatOffset = (uint)dsc.Add(callKit, "Provider %@ was asked to report that call with UUID %@ ended at date %@ with reason %ld"),
            FromSharedCache = true,
            ProgramCounter = callKit.ProgramCounter(0x4242),
            SubsystemId = app.Subsystem("com.apple.calls.callkit", "Default"),
            Arguments = [TraceArgument.Object("<CXProvider 0x1>", isPrivate: true), TraceArgument.Object("A-UUID", isPrivate: true), TraceArgument.Object("date", isPrivate: true), TraceArgument.Int64(2)],
        });
        writer.Add(new TraceRecord
        {
            Process = daemon,
            ThreadId = 0x2c41,
            MachTime = t + 24_000, // 1 ms later
            LogType = 0x10,
            FormatOffset = daemonText.Add("%25s:%-5d Creating proxy session failed, session ID = 0x%x, error = %@ (%s, %d)"),
            ProgramCounter = 0x1234,
            SubsystemId = daemon.Subsystem("com.apple.coreaudio", "as_client"),
            Arguments =
            [
                TraceArgument.CString("AVAudioSession_iOS.mm"), TraceArgument.Int32(597), TraceArgument.Int32(0), TraceArgument.Object("<NSError -50>"),
                TraceArgument.CString("secret", isPrivate: true), TraceArgument.Int32(7, isPrivate: true),
            ],
        });
        for (var i = 0; i < extraRecords; i++)
        {
            writer.Add(new TraceRecord
            {
                Process = i % 7 == 0 ? daemon : app,
                ThreadId = 0x3b1f0,
                MachTime = t + 48_000 + ((ulong)i * 2400),
                LogType = 0x01,
                FormatOffset = (i % 7 == 0 ? daemonText : appText).Add("tick %d of %s"),
                ProgramCounter = 0x2000,
                Arguments = [TraceArgument.Int32(i), TraceArgument.CString(new string('x', i % 50))],
            });
        }

        return new Fixture(writer.ToArray(), appText, daemonText, dsc, app, daemon);
    }

    private static StringFileCache Strings(Fixture f)
    {
        var errors = new UnifiedErrorLog();
        var cache = new StringFileCache(null);
        cache.Add(AppMain, UuidTextFile.Parse(f.AppText.ToArray(), "app", errors)!);
        cache.Add(DaemonMain, UuidTextFile.Parse(f.DaemonText.ToArray(), "daemon", errors)!);
        cache.Add(Cache, SharedCacheStrings.Parse(f.Dsc.ToArray(), "dsc", errors)!);
        Assert.Empty(errors.Errors);
        return cache;
    }

    [Fact]
    public void HeaderCarriesTimebaseBootBuildModelAndZone()
    {
        using var reader = new Tracev3Reader(new MemoryStream(Build().File), "t");
        reader.ReadToEnd();

        Assert.Empty(reader.Errors.Errors);
        var header = Assert.IsType<TraceHeader>(reader.Header);
        Assert.Equal(125u, header.Timebase.Numerator);
        Assert.Equal(3u, header.Timebase.Denominator);
        Assert.Equal(Info().ContinuousTime, header.ContinuousTime);
        Assert.Equal(Info().ContinuousTime, header.SubChunkContinuousTime);
        Assert.Equal((uint)Start.ToUnixTimeSeconds(), header.WallClockSeconds);
        Assert.Equal(-600, header.TimeZoneOffsetMinutes);
        Assert.Equal(1u, header.DaylightSavings);
        Assert.Equal("22E252", header.BuildVersion);
        Assert.Equal("D83AP", header.HardwareModel);
        Assert.Equal(Boot, header.BootUuid);
        Assert.Equal("Australia/Sydney", header.TimeZoneName);
    }

    [Fact]
    public void TheFileIsLaidOutInAlignedChunksWithA208ByteHeader()
    {
        var file = Build(extraRecords: 40).File;
        var offset = 0;
        var tags = new List<uint>();
        while (offset < file.Length)
        {
            Assert.Equal(0, offset % 8);
            var tag = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
            var size = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(offset + 8));
            if (tag == 0x1000)
            {
                Assert.Equal(208, size);
            }

            if (tag == 0x600D)
            {
                Assert.Equal(0x31347662u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 16))); // "bv41"
                Assert.Equal(0x24347662u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 16 + size - 4))); // "bv4$"
            }

            tags.Add(tag);
            offset += 16 + ((size + 7) & ~7);
        }

        Assert.Equal(file.Length, offset);
        Assert.Equal([0x1000u, 0x600Bu, 0x600Du], tags);
    }

    [Fact]
    public void CatalogDescribesProcessesSubsystemsAndChunksets()
    {
        using var reader = new Tracev3Reader(new MemoryStream(Build(extraRecords: 3000).File), "t");
        reader.ReadToEnd();

        Assert.Empty(reader.Errors.Errors);
        var catalog = Assert.Single(reader.Catalogs);
        Assert.Equal([AppMain, Cache, DaemonMain], catalog.Uuids);
        var app = catalog.FindProcess(0x8_4A21, 0x14_0C3F);
        Assert.NotNull(app);
        Assert.Equal(1892u, app.ProcessId);
        Assert.Equal(501u, app.EffectiveUserId);
        Assert.Equal(AppMain, app.MainUuid);
        Assert.Equal(Cache, app.DscUuid);
        Assert.Equal(("com.apple.calls.callkit", "Default"), (app.FindSubsystem(1)!.Subsystem, app.FindSubsystem(1)!.Category));
        var daemon = catalog.FindProcess(0x1_0B7E, 0x9A11);
        Assert.Equal("as_client", daemon!.FindSubsystem(1)!.Category);

        // 3000 extra records overflow one 64 KiB chunkset; the catalog describes each, with its true size.
        Assert.True(catalog.Subchunks.Count > 1);
        Assert.Equal(catalog.Subchunks.Count, reader.Statistics.Chunksets);
        Assert.Equal(reader.Statistics.DecompressedBytes, catalog.Subchunks.Sum(static s => (long)s.UncompressedSize));
        Assert.All(catalog.Subchunks, static s => Assert.Equal(0x100u, s.Compression));
        Assert.All(catalog.Subchunks, static s => Assert.True(s.Start <= s.End));
        Assert.Equal(catalog.Subchunks[0].Start, catalog.EarliestFirehoseTime);
        Assert.Equal(3002, reader.Statistics.Events(TraceEventKind.Log));
        Assert.True(reader.Statistics.FirehoseChunks > catalog.Subchunks.Count); // firehose chunks stay under 4 KiB
    }

    [Fact]
    public void EventsCarryTheirFieldsAndRenderWithPrivacy()
    {
        var fixture = Build(extraRecords: 60);
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "0000000000000001.tracev3");
        File.WriteAllBytes(path, fixture.File);
        var source = new UnifiedLogSource(path) { Strings = Strings(fixture) };

        var entries = source.ReadEntries().ToList();

        Assert.Empty(source.Summary.Issues);
        Assert.Equal(62, entries.Count);
        var ended = entries[0];
        Assert.Equal("Provider <private> was asked to report that call with UUID <private> ended at date <private> with reason 2", ended.EventMessage);
        Assert.Equal("Glip", ended.Process);
        Assert.Equal(1892, ended.ProcessId);
        Assert.Equal(0x3b1f0, ended.ThreadId);
        Assert.Equal("CallKit", ended.Sender);
        Assert.Equal("com.apple.calls.callkit", ended.Subsystem);
        Assert.Equal("Default", ended.Category);
        Assert.Equal(LogLevel.Default, ended.Level);
        Assert.Equal(LogEventType.LogEvent, ended.EventType);
        Assert.Equal(Boot, ended.BootUuid);
        Assert.Equal("Australia/Sydney", ended.TimeZoneName);

        var failed = entries[1];
        Assert.Equal("    AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x0, error = <NSError -50> (<private>, <private>)", failed.EventMessage);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Equal("callservicesd", failed.Process);
        Assert.Equal("callservicesd", failed.Sender);
        Assert.Equal(127, failed.ProcessId);
        Assert.Equal("as_client", failed.Category);
        Assert.Equal(0x1234ul, failed.SenderProgramCounter);

        // Without timesync, wall time comes from the header: 1 ms apart, microsecond exact.
        Assert.Equal(TimeSpan.FromMilliseconds(1), failed.Timestamp!.Value.Subtract(ended.Timestamp!.Value));
        Assert.Equal(TimeSpan.FromHours(11), ended.Timestamp.Value.Offset);

        for (var i = 0; i < 60; i++)
        {
            var e = entries[i + 2];
            Assert.Equal($"tick {i} of {new string('x', i % 50)}", e.EventMessage);
            Assert.Equal(LogLevel.Info, e.Level);
            Assert.Null(e.Subsystem);
            Assert.Equal(i % 7 == 0 ? "callservicesd" : "Glip", e.Process);
        }
    }
}
