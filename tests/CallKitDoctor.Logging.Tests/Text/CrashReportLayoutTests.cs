using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Text;

public class CrashReportLayoutTests
{
    private static readonly string Report = ReadResult.Lines(
        "Incident Identifier: 6E1A2B3C-0000-4000-8000-000000000001",
        "Hardware Model:      iPhone12,1",
        "Process:             Runner [2315]",
        "Identifier:          com.example.runner",
        "Version:             1.4.0 (42)",
        "AppVariant:          1:iPhone12,1:17.4",
        "Coalition:         ",
        "Date/Time:           2024-04-25 10:11:12.3450 +0200",
        "OS Version:          iPhone OS 17.4.1 (21E236)",
        "",
        "Exception Type:  EXC_CRASH (SIGKILL)",
        "Exception Codes: 0x0000000000000000, 0x0000000000000000",
        "Termination Reason: FRONTBOARD 0xbaadca11 ",
        "<RBSTerminateContext| domain:10 code:0xBAADCA11 explanation:<no explanation given> reportType:CrashLog maxTerminationResistance:Interactive>",
        "",
        "Thread 0 name:",
        "Thread 0 Crashed:",
        "0   libsystem_kernel.dylib        \t       0x1e5b3c8a4 mach_msg2_trap + 8",
        "1   libsystem_kernel.dylib        \t       0x1e5b3c63c mach_msg2_internal + 80",
        "",
        "Binary Images:",
        "        0x100ed4000 -         0x100edbfff Runner arm64  <c6f2d3e1> /private/var/containers/Bundle/Application/Runner.app/Runner");

    [Fact]
    public void HeaderFieldsFillTheContext()
    {
        var read = ReadResult.Of(Report);
        Assert.Equal(LogInputFormat.CrashReport, read.Summary.Format);
        var context = read.Source.Context;
        Assert.Equal("iPhone OS 17.4.1", context.OsVersion);
        Assert.Equal("21E236", context.OsBuild);
        Assert.Equal("iPhone12,1", context.DeviceModel);
        Assert.Equal("Runner", context.AppName);
        Assert.Equal("1.4.0 (42)", context.AppVersion);
        Assert.Equal(new DateTimeOffset(2024, 4, 25, 10, 11, 12, 345, TimeSpan.FromHours(2)), context.CaptureTime);
    }

    [Fact]
    public void TerminationReasonIsAnErrorEntryWithItsContinuation()
    {
        var read = ReadResult.Of(Report);
        var termination = Assert.Single(read.Entries, e => e.EventMessage.StartsWith("Termination Reason", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, termination.Level);
        Assert.Contains("0xbaadca11", termination.EventMessage, StringComparison.Ordinal);
        Assert.Contains("code:0xBAADCA11", termination.EventMessage, StringComparison.Ordinal);
        Assert.Equal(InputLocation.Lines("test.log", 13, 14), termination.Location);
        Assert.Equal("Runner", termination.Process);
        Assert.Equal(new DateTimeOffset(2024, 4, 25, 10, 11, 12, 345, TimeSpan.FromHours(2)), termination.Timestamp!.Value.Instant);
        Assert.Contains(read.Entries, e => e.EventMessage.StartsWith("Exception Type:  EXC_CRASH", StringComparison.Ordinal));
        Assert.Equal(0, read.Summary.UnparsedLines);
    }

    [Fact]
    public void AppVariantGivesTheModelWhenNoHardwareLine()
    {
        var read = ReadResult.Of(ReadResult.Lines("AppVariant:          1:iPhone12,1:17.4", "Beta:                YES", "OS Version:          iPhone OS 17.4.1 (21E236)"));
        Assert.Equal(LogInputFormat.CrashReport, read.Summary.Format);
        Assert.Equal("iPhone12,1", read.Source.Context.DeviceModel);
        Assert.Empty(read.Entries);
    }
}
