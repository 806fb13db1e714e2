using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Time;
using CallKitDoctor.Scenarios.Archive;
using CallKitDoctor.Scenarios.Time;

namespace CallKitDoctor.Scenarios.Tests.Writers;

public class TimesyncWriterTests
{
    [Fact]
    public void BootAndSyncRecordsReadBackAndConvertMachTime()
    {
        var boot = Guid.Parse("5F0C2E7A-3B1D-4C8E-9A41-6D2B7E90C315");
        var bootTime = new DateTimeOffset(2025, 10, 22, 5, 0, 0, TimeSpan.Zero);
        var clock = new MachClock(bootTime);
        var bootNs = MachClock.UnixNanoseconds(bootTime);
        var data = new TimesyncWriter()
            .Boot(boot, 125, 3, bootNs, -600, true)
            .Sync(0, bootNs, -600, true)
            .Sync(3_000_000, clock.ToUnixNanoseconds(3_000_000), -600, true)
            .ToArray();

        var errors = new UnifiedErrorLog();
        var parsed = Assert.Single(TimesyncFile.Parse(data, "t", errors));

        Assert.Empty(errors.Errors);
        Assert.Equal(48 + (2 * 32), data.Length);
        Assert.Equal(boot, parsed.BootUuid);
        Assert.Equal(new MachTimebase(125, 3), parsed.Timebase);
        Assert.Equal(bootNs, parsed.BootTimeNanoseconds);
        Assert.Equal(-600, parsed.TimeZoneOffsetMinutes);
        Assert.Equal(1u, parsed.DaylightSavings);
        Assert.Equal(2, parsed.Records.Count);
        Assert.Equal(3_000_000ul, parsed.Records[1].KernelTime);

        // A line 30 hours after boot, at a microsecond, comes back at that microsecond.
        var line = bootTime + TimeSpan.FromHours(30) + TimeSpan.FromTicks(9_161_70);
        var ns = parsed.ToUnixNanoseconds(clock.ToMachTime(line));
        Assert.Equal(MachClock.UnixNanoseconds(line) / 1000, ns / 1000);
        Assert.InRange(ns - MachClock.UnixNanoseconds(line), 0, 41);
    }
}
