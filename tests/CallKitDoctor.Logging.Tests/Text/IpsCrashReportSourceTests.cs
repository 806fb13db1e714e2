using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Text;

public class IpsCrashReportSourceTests
{
    private const string Header =
        "{\"app_name\":\"Runner\",\"timestamp\":\"2024-04-25 10:11:12.00 +0200\",\"app_version\":\"1.4.0\",\"build_version\":\"42\"," +
        "\"bug_type\":\"309\",\"os_version\":\"iPhone OS 17.4.1 (21E236)\",\"bundleID\":\"com.example.runner\",\"name\":\"Runner\"}";

    private const string Body = """
        {
          "uptime" : 1000,
          "procName" : "Runner",
          "pid" : 2315,
          "modelCode" : "iPhone12,1",
          "captureTime" : "2024-04-25 10:11:12.3450 +0200",
          "osVersion" : { "train" : "iPhone OS 17.4.1", "build" : "21E236", "releaseType" : "User" },
          "exception" : { "codes" : "0x0000000000000000, 0x0000000000000000", "type" : "EXC_CRASH", "signal" : "SIGKILL" },
          "termination" : { "flags" : 0, "code" : 3131951633, "namespace" : "FRONTBOARD",
            "reasons" : [ "<RBSTerminateContext| domain:10 code:0xBAADCA11 explanation:<no explanation given> reportType:CrashLog maxTerminationResistance:Interactive>" ] },
          "threads" : [ { "frames" : [ { "imageOffset" : 1 } ] } ]
        }
        """;

    [Fact]
    public void ReadsHeaderAndBody()
    {
        var read = ReadResult.Of(Header + "\n" + Body + "\n");
        Assert.Equal(LogInputFormat.CrashReport, read.Summary.Format);
        var context = read.Source.Context;
        Assert.Equal("Runner", context.AppName);
        Assert.Equal("1.4.0 (42)", context.AppVersion);
        Assert.Equal("iPhone OS 17.4.1", context.OsVersion);
        Assert.Equal("21E236", context.OsBuild);
        Assert.Equal("iPhone12,1", context.DeviceModel);
        Assert.Equal(new DateTimeOffset(2024, 4, 25, 10, 11, 12, 345, TimeSpan.FromHours(2)), context.CaptureTime);

        Assert.Equal(2, read.Entries.Count);
        Assert.Equal("Exception Type: EXC_CRASH (SIGKILL)", read.Entries[0].EventMessage);
        var termination = read.Entries[1];
        Assert.StartsWith("Termination Reason: FRONTBOARD 0xbaadca11\n<RBSTerminateContext|", termination.EventMessage);
        Assert.Equal(LogLevel.Error, termination.Level);
        Assert.Equal(2315, termination.ProcessId);
        Assert.Equal("Runner", termination.Process);
        Assert.Empty(read.Summary.Issues);
    }

    [Fact]
    public void TruncatedBodyKeepsTheHeaderAndRecordsAnIssue()
    {
        var read = ReadResult.Of(Header + "\n" + Body[..120]);
        Assert.Equal(LogInputFormat.CrashReport, read.Summary.Format);
        Assert.Equal("iPhone OS 17.4.1", read.Source.Context.OsVersion);
        Assert.Empty(read.Entries);
        Assert.Single(read.Summary.Issues);
    }
}
