using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Archives;

public class SysdiagnoseNameTests
{
    [Theory]
    [InlineData("sysdiagnose_2025.10.28_18-28-20_0800_iPhone-OS_iPhone_23A355.tar.gz", 2025, 10, 28, 18, 28, 20, 480, "iPhone OS", "iPhone", "23A355")]
    [InlineData("/tmp/x/sysdiagnose_2021.03.15_14-25-38-0700_iPhone-OS_iPad_18D52", 2021, 3, 15, 14, 25, 38, -420, "iPhone OS", "iPad", "18D52")]
    [InlineData("IN_PROGRESS_sysdiagnose_2024.01.02_03-04-05_-0330_Mac-OS-X_MacBookPro18,3_23C71.tgz", 2024, 1, 2, 3, 4, 5, -210, "Mac OS X", "MacBookPro18,3", "23C71")]
    [InlineData("sysdiagnose_2024.06.30_23-59-59+0545_Watch-OS_Watch_21U580.zip", 2024, 6, 30, 23, 59, 59, 345, "Watch OS", "Watch", "21U580")]
    public void ParsesTimeZonePlatformDeviceAndBuild(string name, int y, int mo, int d, int h, int mi, int s, int offsetMinutes,
        string platform, string device, string build)
    {
        var parsed = SysdiagnoseName.TryParse(name);

        Assert.NotNull(parsed);
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromMinutes(offsetMinutes)), parsed.CaptureTime);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), parsed.CaptureTime.Offset);
        Assert.Equal(platform, parsed.Platform);
        Assert.Equal(device, parsed.Device);
        Assert.Equal(build, parsed.Build);
    }

    [Theory]
    [InlineData("system_logs.logarchive")]
    [InlineData("sysdiagnose_2025.13.28_18-28-20_0800_iPhone-OS_iPhone_23A355")]
    [InlineData("sysdiagnose_2025.10.28_18-28-20_1600_iPhone-OS_iPhone_23A355")]
    [InlineData("sysdiagnose_2025.10.28_18-28_0800_iPhone-OS_iPhone_23A355")]
    [InlineData("sysdiagnose_2025.10.28_18-28-20_0800_iPhone-OS_iPhone_23A355.rar")]
    public void OtherNamesGiveNothing(string name) => Assert.Null(SysdiagnoseName.TryParse(name));

    [Fact]
    public void ReadsTheXmlPlistAndSkipsBinaryOnesWithAnIssue()
    {
        var summary = new LogReadSummary { Source = "t" };
        var parsed = SystemVersion.Parse(System.Text.Encoding.UTF8.GetBytes(SysdiagnoseImage.SystemVersionPlist), "SystemVersion.plist", summary);
        Assert.Equal(new SystemVersion("iPhone OS", "26.0.1", "23A355"), parsed);
        Assert.Empty(summary.Issues);

        var dir = Directory.CreateTempSubdirectory("ckd-plist-").FullName;
        try
        {
            var binary = Path.Combine(dir, "SystemVersion.plist");
            File.WriteAllBytes(binary, [.. "bplist00"u8, 0xD1, 0x01, 0x02]);
            Assert.Null(SystemVersion.Read(binary, "SystemVersion.plist", summary));
            Assert.Contains("binary property list", Assert.Single(summary.Issues).Message, StringComparison.Ordinal);

            var broken = Path.Combine(dir, "broken.plist");
            File.WriteAllText(broken, "<plist><dict><key>ProductName</key><string>iPhone OS</string><key>ProductVersion");
            Assert.Equal(new SystemVersion("iPhone OS", null, null), SystemVersion.Read(broken, "broken.plist", summary));
            Assert.Equal(2, summary.Issues.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
