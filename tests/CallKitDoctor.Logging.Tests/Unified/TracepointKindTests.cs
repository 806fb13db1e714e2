using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Strings;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>Each tracepoint layout of the format specification, built byte by byte and read back.</summary>
public class TracepointKindTests
{
    private static List<TraceEvent> Read(params byte[][] tracepoints) =>
        ReadChunk(Tracev3Image.Firehose(tracepoints), out _);

    private static List<TraceEvent> ReadChunk(byte[] firehose, out List<string> privateData)
    {
        var file = Tracev3Image.File(Tracev3Image.Uncompressed(Tracev3Image.ChunksetContent((0x6001, firehose))));
        using var reader = new Tracev3Reader(new MemoryStream(file), "kinds");
        var events = new List<TraceEvent>();
        privateData = [];
        while (reader.MoveNext())
        {
            events.Add(reader.Current);
            privateData.Add(Encoding.UTF8.GetString(reader.CurrentPrivateData));
        }

        Assert.Empty(reader.Errors.Errors);
        return events;
    }

    [Fact]
    public void ActivityCreateCarriesCurrentOtherAndNewActivityIds()
    {
        var data = new ByteImage().U32(5).U32(0x8000_0000).U32(6).U32(0x8000_0000).U32(7).U32(0x8000_0000).U32(0x500).ToArray();
        var e = Assert.Single(Read(Tracev3Image.Tracepoint(0x02, 0x01, 0x0001 | 0x0002 | 0x0200, 0x40, 9, 3, data)));

        Assert.Equal(TraceEventKind.Activity, e.Kind);
        Assert.Equal(LogEventType.ActivityCreateEvent, UnifiedEntryMapping.ToEventType(e));
        Assert.Equal(5ul, e.ActivityId);
        Assert.Equal(6ul, e.OtherActivityId);
        Assert.Equal(7ul, e.NewActivityId);
        Assert.Equal(0x500u, e.PcOffset);
        Assert.Equal(Tracev3Image.MainUuid, e.SenderImageUuid);
    }

    [Fact]
    public void UserActionHasNoNewActivityIdAndMayCarryAUniquePid()
    {
        var data = new ByteImage().U64(123456).U32(0x600).ToArray();
        var e = Assert.Single(Read(Tracev3Image.Tracepoint(0x02, 0x03, 0x0010 | 0x0002, 0x40, 9, 3, data)));

        Assert.Equal(LogEventType.UserActionEvent, UnifiedEntryMapping.ToEventType(e));
        Assert.Equal(123456ul, e.UniquePid);
        Assert.Equal(0ul, e.NewActivityId);
        Assert.Equal(0x600u, e.PcOffset);
    }

    [Fact]
    public void SignpostCarriesIdNameAndSubsystem()
    {
        var data = new ByteImage().U32(0x700).U16(7).U64(0xABCDEF).U32(0x77).U8(0).U8(0).ToArray();
        var e = Assert.Single(Read(Tracev3Image.Tracepoint(0x06, 0x81, 0x0002 | 0x0200 | 0x8000, 0x40, 9, 3, data)));

        Assert.Equal(LogEventType.SignpostEvent, UnifiedEntryMapping.ToEventType(e));
        Assert.Equal(0xABCDEFul, e.SignpostId);
        Assert.Equal(0x77u, e.SignpostNameReference);
        Assert.Equal("com.example.demo", e.Subsystem!.Subsystem);
        Assert.Equal(0x81, e.LogType);
    }

    [Fact]
    public void LossCarriesStartEndAndCount()
    {
        var data = new ByteImage().U64(100).U64(200).U64(42).ToArray();
        var e = Assert.Single(Read(Tracev3Image.Tracepoint(0x07, 0x00, 0, 0, 0, 3, data)));

        Assert.Equal(LogEventType.LossEvent, UnifiedEntryMapping.ToEventType(e));
        Assert.Equal((100ul, 200ul, 42ul), (e.LossStart, e.LossEnd, e.LossCount));
    }

    [Fact]
    public void TraceCarriesItsProgramCounter()
    {
        var data = new ByteImage().U32(0x900).U8(0).ToArray();
        var e = Assert.Single(Read(Tracev3Image.Tracepoint(0x03, 0x00, 0x0002, 0x40, 9, 3, data)));

        Assert.Equal(LogEventType.TraceEvent, UnifiedEntryMapping.ToEventType(e));
        Assert.Equal(0x900u, e.PcOffset);
    }

    [Fact]
    public void UuidRelativeAndLargeSharedCacheReferences()
    {
        var image = Guid.Parse("01234567-89AB-CDEF-0123-456789ABCDEF");
        var relative = new ByteImage().U32(0x10).Uuid(image).U8(0).U8(0).ToArray();
        var large = new ByteImage().U32(0x20).U16(3).U16(5).U8(0).U8(0).ToArray();
        var events = Read(
            Tracev3Image.Tracepoint(0x04, 0x00, 0x000A, 0x8000_0123, 1, 1, relative),
            Tracev3Image.Tracepoint(0x04, 0x00, 0x000C | 0x0020, 0x8000_0456, 2, 2, large));

        Assert.Equal(StringsFileType.UuidRelative, events[0].StringsFileType);
        Assert.Equal(image, events[0].SenderImageUuid);
        Assert.True(events[0].IsDynamicFormat);
        Assert.Equal(StringsFileType.LargeSharedCache, events[1].StringsFileType);
        Assert.Equal(3, events[1].LargeOffset);
        Assert.Equal(5, events[1].LargeSharedCache);
        Assert.Equal((5ul << 31) | 0x456, events[1].FormatStringOffset);
        Assert.Equal(Tracev3Image.DscUuid, events[1].SenderImageUuid);
    }

    [Fact]
    public void PrivateStringIsShownWhenTheChunkCarriesPrivateData()
    {
        var secret = Encoding.UTF8.GetBytes("secret\0\0");
        var virtualOffset = (ushort)(0x1000 - secret.Length);
        var data = new ByteImage()
            .U16(virtualOffset).U16((ushort)secret.Length) // private data range of the tracepoint
            .U32(0x4000)                                      // main executable pc
            .U8(0).U8(2).U8(0x21).U8(4).U16(0).U16(7).U8(0x01).U8(0) // private range item, redacted item
            .ToArray();
        var firehose = Tracev3Image.FirehoseWithPrivate(secret, Tracev3Image.Tracepoint(0x04, 0x00, 0x0002 | 0x0100, 0x1234, 1, 1, data));

        var e = Assert.Single(ReadChunk(firehose, out var privateData));
        Assert.Equal("secret\0\0", privateData[0]);
        Assert.Equal(virtualOffset, e.PrivateRangeOffset);

        var dir = Path.Combine(Path.GetTempPath(), "ckd-private-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "p.tracev3");
            File.WriteAllBytes(path, Tracev3Image.File(Tracev3Image.Uncompressed(Tracev3Image.ChunksetContent((0x6001, firehose)))));
            var cache = new StringFileCache(null);
            cache.Add(Tracev3Image.MainUuid, UuidTextFile.Parse(StringFileTests.BuildUuidText("/usr/bin/x", (0x1234, ["a=%{private}s b=%{private}d"])), "x", new UnifiedErrorLog())!);
            var entry = Assert.Single(new UnifiedLogSource(path) { Strings = cache }.ReadEntries());
            Assert.Equal("a=secret b=<private>", entry.EventMessage);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
