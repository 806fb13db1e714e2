using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Tests.Text;

/// <summary>
/// <see cref="LogEntry"/> keeps the fields only binary and ndjson inputs carry in a side object: every one of them
/// must read back what was set, alone or together, and unset ones must read as null.
/// </summary>
public class LogEntryDetailsTests
{
    [Fact]
    public void EveryDetailReadsBackWhatWasSet()
    {
        var boot = Guid.NewGuid();
        var image = Guid.NewGuid();
        var sender = Guid.NewGuid();
        BacktraceFrame[] frames = [new BacktraceFrame(image, 42)];
        var entry = new LogEntry("m")
        {
            ProcessImagePath = "/usr/libexec/callservicesd",
            SenderImagePath = "/System/Library/Frameworks/CallKit.framework/CallKit",
            ParentActivityIdentifier = 7,
            TraceId = 8,
            MachTimestamp = 9,
            SenderProgramCounter = 10,
            BootUuid = boot,
            ProcessImageUuid = image,
            SenderImageUuid = sender,
            Backtrace = frames,
            TimeZoneName = "Australia/Sydney",
        };

        Assert.Equal("/usr/libexec/callservicesd", entry.ProcessImagePath);
        Assert.Equal("callservicesd", entry.Process);
        Assert.Equal("/System/Library/Frameworks/CallKit.framework/CallKit", entry.SenderImagePath);
        Assert.Equal(7UL, entry.ParentActivityIdentifier);
        Assert.Equal(8UL, entry.TraceId);
        Assert.Equal(9UL, entry.MachTimestamp);
        Assert.Equal(10UL, entry.SenderProgramCounter);
        Assert.Equal(boot, entry.BootUuid);
        Assert.Equal(image, entry.ProcessImageUuid);
        Assert.Equal(sender, entry.SenderImageUuid);
        Assert.Same(frames, entry.Backtrace);
        Assert.Equal("Australia/Sydney", entry.TimeZoneName);
    }

    [Fact]
    public void UnsetDetailsAreNullAloneOrBesideASetOne()
    {
        var bare = new LogEntry("m") { Process = "p", ActivityIdentifier = 3 };
        AssertNoDetails(bare);
        Assert.Equal(3UL, bare.ActivityIdentifier);

        var one = new LogEntry("m") { TraceId = 5, ProcessImagePath = null };
        Assert.Equal(5UL, one.TraceId);
        Assert.Null(one.ProcessImagePath);
        Assert.Null(one.BootUuid);
        Assert.Null(one.Backtrace);
        Assert.Null(one.TimeZoneName);
        Assert.Null(one.Process);
    }

    private static void AssertNoDetails(LogEntry entry)
    {
        Assert.Null(entry.ProcessImagePath);
        Assert.Null(entry.SenderImagePath);
        Assert.Null(entry.ParentActivityIdentifier);
        Assert.Null(entry.TraceId);
        Assert.Null(entry.MachTimestamp);
        Assert.Null(entry.SenderProgramCounter);
        Assert.Null(entry.BootUuid);
        Assert.Null(entry.ProcessImageUuid);
        Assert.Null(entry.SenderImageUuid);
        Assert.Null(entry.Backtrace);
        Assert.Null(entry.TimeZoneName);
    }
}
