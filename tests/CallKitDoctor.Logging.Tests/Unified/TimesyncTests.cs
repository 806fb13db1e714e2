using System.Text.Json;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Time;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified;

public class TimesyncTests
{
    private static readonly Guid Boot = Guid.Parse("11111111-2222-3333-4444-555555555555");

    internal static ByteImage BootRecord(Guid boot, uint num, uint den, long bootTime, int zone = 300, uint dst = 0) =>
        new ByteImage().U16(0xBBB0).U16(48).U32(0).Uuid(boot).U32(num).U32(den).I64(bootTime).I32(zone).U32(dst);

    internal static ByteImage SyncRecord(ulong kernel, long wall, int zone = 300, uint flags = 0) =>
        new ByteImage().U16(0x7354).U16(32).U32(flags).U64(kernel).I64(wall).I32(zone).U32(0);

    [Fact]
    public void ReadsBuiltBootAndSyncRecords()
    {
        var image = BootRecord(Boot, 125, 3, 1_000_000_000_000)
            .Append(SyncRecord(0, 1_000_000_000_000))
            .Append(SyncRecord(3_000_000, 1_000_200_000_000, flags: 1));
        var errors = new UnifiedErrorLog();

        var boots = TimesyncFile.Parse(image.ToArray(), "t.timesync", errors);

        Assert.Empty(errors.Errors);
        var boot = Assert.Single(boots);
        Assert.Equal(Boot, boot.BootUuid);
        Assert.Equal(new MachTimebase(125, 3), boot.Timebase);
        Assert.Equal(300, boot.TimeZoneOffsetMinutes);
        Assert.Equal(2, boot.Records.Count);
        Assert.Equal(1u, boot.Records[1].Flags);
        // 3 ticks after the first record: 3 * 125 / 3 = 125 ns.
        Assert.Equal(1_000_000_000_125, boot.ToUnixNanoseconds(3));
        // After the second record: its wall time plus 30 ticks (1250 ns).
        Assert.Equal(1_000_200_001_250, boot.ToUnixNanoseconds(3_000_030));
    }

    [Fact]
    public void TruncatedRecordIsAnErrorWithOffsetAndEarlierRecordsAreKept()
    {
        var full = BootRecord(Boot, 1, 1, 5).Append(SyncRecord(10, 20)).ToArray();
        var cut = full.AsSpan(0, full.Length - 5).ToArray();
        var errors = new UnifiedErrorLog();

        var boots = TimesyncFile.Parse(cut, "cut.timesync", errors);

        Assert.Single(boots);
        Assert.Empty(boots[0].Records);
        var error = Assert.Single(errors.Errors);
        Assert.Equal(UnifiedErrorKind.Truncated, error.Kind);
        Assert.Equal(48, error.ByteOffset);
        Assert.Equal("cut.timesync", error.File);
    }

    [Fact]
    public void UnknownSignatureStopsWithBadSignature()
    {
        var image = BootRecord(Boot, 1, 1, 5).U32(0xDEADBEEF).Zeros(28).ToArray();
        var errors = new UnifiedErrorLog();

        TimesyncFile.Parse(image, "x", errors);

        Assert.Equal(UnifiedErrorKind.BadSignature, Assert.Single(errors.Errors).Kind);
        Assert.Equal(48, errors.Errors[0].ByteOffset);
    }

    [Fact]
    public void TimebaseConvertsWithoutOverflow()
    {
        var tb = new MachTimebase(125, 3);
        Assert.Equal(4_166_666_666_666_666_666L, tb.ToNanoseconds(100_000_000_000_000_000UL));
        Assert.Equal(-125, tb.ToNanoseconds(-3L));
    }

    [SkippableFact]
    public void MatchesReferenceParseOfRealTimesyncFile()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var path = SharedData.PathOf("testdata", "unified_logging", "timesync", "0000000000000002.timesync")!;
        using var reference = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("testdata", "reference", "timesync-0000000000000002.json")!));
        var errors = new UnifiedErrorLog();

        var boots = TimesyncFile.Parse(File.ReadAllBytes(path), path, errors);

        Assert.Empty(errors.Errors);
        var expected = reference.RootElement.EnumerateArray().ToList();
        Assert.Equal(expected.Count, boots.Count);
        var records = 0;
        for (var i = 0; i < boots.Count; i++)
        {
            var e = expected[i];
            var b = boots[i];
            Assert.Equal(e.GetProperty("boot_uuid").GetString(), b.BootUuid.ToString("N").ToUpperInvariant());
            Assert.Equal(e.GetProperty("timebase_numerator").GetUInt32(), b.Timebase.Numerator);
            Assert.Equal(e.GetProperty("timebase_denominator").GetUInt32(), b.Timebase.Denominator);
            Assert.Equal(e.GetProperty("boot_time").GetInt64(), b.BootTimeNanoseconds);
            Assert.Equal(e.GetProperty("timezone_offset_mins").GetInt32(), b.TimeZoneOffsetMinutes);
            Assert.Equal(e.GetProperty("daylight_savings").GetUInt32(), b.DaylightSavings);
            var syncs = e.GetProperty("timesync").EnumerateArray().ToList();
            Assert.Equal(syncs.Count, b.Records.Count);
            for (var j = 0; j < syncs.Count; j++)
            {
                Assert.Equal(syncs[j].GetProperty("kernel_time").GetUInt64(), b.Records[j].KernelTime);
                Assert.Equal(syncs[j].GetProperty("walltime").GetInt64(), b.Records[j].WallTimeNanoseconds);
                Assert.Equal(syncs[j].GetProperty("timezone").GetInt32(), b.Records[j].TimeZoneOffsetMinutes);
                Assert.Equal(syncs[j].GetProperty("unknown_flags").GetUInt32(), b.Records[j].Flags);
                Assert.Equal(syncs[j].GetProperty("daylight_savings").GetUInt32(), b.Records[j].DaylightSavings);
            }

            records += b.Records.Count;
        }

        Assert.Equal(4089, records);
    }
}
