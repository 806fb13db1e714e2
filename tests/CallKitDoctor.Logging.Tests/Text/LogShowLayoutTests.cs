using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Text;

public class LogShowLayoutTests
{
    private const string DefaultHeader = "Timestamp                       Thread     Type        Activity             PID    TTL  ";

    [Fact]
    public void DefaultStyleReadsEveryColumnAndSkipsHeaderAndFooter()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "Filtering the log data using \"process == \"callservicesd\"\"",
            "Skipping info and debug messages, pass --info and/or --debug to include.",
            DefaultHeader,
            "2025-10-28 18:27:47.477213+0800 0x2d1f4    Default     0x0                  112    0    callservicesd: (CallKit) [com.apple.calls.callkit:Default] Received -[CXCallSource registerWithConfiguration:] with configuration: <private>",
            "2025-10-23 16:01:52.259438+1100 0x1a2b3    Error       0x4f2a1              112    14   callservicesd: (AudioSession) [com.apple.coreaudio:as_client]     AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x0, error = <NSError:0x6000 - {",
            "    NSLocalizedDescription = \"Session lookup failed\";",
            "}>",
            "2025-10-23 16:01:53.000000+1100 0x1a2b3    Activity    0x4f2a2              112    0    callservicesd: (CallKit) activity started",
            "--------------------------------------------------------------------------------------------------------------------",
            "Log      - Default:          1, Info:                0, Debug:             0, Error:          1, Fault:          0",
            "Activity - Create:           1, Transition:          0, Actions:           0"));
        Assert.Equal(LogInputFormat.LogShowDefault, read.Summary.Format);
        Assert.Equal(3, read.Entries.Count);
        Assert.Equal(0, read.Summary.UnparsedLines);

        var first = read.Entries[0];
        Assert.Equal("callservicesd", first.Process);
        Assert.Equal(112, first.ProcessId);
        Assert.Equal(0x2d1f4, first.ThreadId);
        Assert.Equal("CallKit", first.Sender);
        Assert.Equal("com.apple.calls.callkit", first.Subsystem);
        Assert.Equal("Default", first.Category);
        Assert.Equal(LogLevel.Default, first.Level);
        Assert.Equal(LogEventType.LogEvent, first.EventType);
        Assert.Equal("Received -[CXCallSource registerWithConfiguration:] with configuration: <private>", first.EventMessage);

        var error = read.Entries[1];
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal(0x4f2a1UL, error.ActivityIdentifier);
        Assert.Equal(new SourceLocation("AVAudioSession_iOS.mm", 597), error.SourceLocation);
        Assert.Equal(InputLocation.Lines("test.log", 5, 7), error.Location);
        Assert.EndsWith("\"Session lookup failed\";\n}>", error.EventMessage);

        Assert.Equal(LogEventType.ActivityCreateEvent, read.Entries[2].EventType);
    }

    [Fact]
    public void DefaultStyleSignpostPrefixIsSkipped()
    {
        var read = ReadResult.Of(ReadResult.Lines(DefaultHeader,
            "2022-08-25 15:22:01.008417+0100 0x1590e    Signpost    0x0                  1766   0    [spid 0x291385ea6c83b460, process, begin] bluetoothd: [com.apple.bluetooth:HIDProfileDispatch] HIDInterruptData: Before Dispatch"));
        var entry = Assert.Single(read.Entries);
        Assert.Equal("bluetoothd", entry.Process);
        Assert.Equal(LogEventType.SignpostEvent, entry.EventType);
        Assert.Equal("com.apple.bluetooth", entry.Subsystem);
        Assert.Equal("HIDInterruptData: Before Dispatch", entry.EventMessage);
    }

    [Fact]
    public void CompactStyle()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "Timestamp               Ty Process[PID:TID]",
            "2025-10-28 18:27:47.401 Df callservicesd[112:2d1f4] [com.apple.calls.callservicesd:Default] Received incoming APS message from application with bundle identifier <private> and topic <private>",
            "2025-10-28 18:27:47.402 E  audiomxd[98:1a] (AudioSession) [com.apple.coreaudio:as_server] failed due to session lookup failure for SessionID 0x0",
            "2025-10-28 18:27:47.403 F  MyApp[500:7f] fault text",
            "2025-10-28 18:27:47.404 In MyApp[500:7f] info text",
            "2025-10-28 18:27:47.405 Db MyApp[500:7f] debug text"));
        Assert.Equal(LogInputFormat.LogShowCompact, read.Summary.Format);
        Assert.Equal([LogLevel.Default, LogLevel.Error, LogLevel.Fault, LogLevel.Info, LogLevel.Debug], read.Entries.Select(e => e.Level));
        var first = read.Entries[0];
        Assert.Equal("callservicesd", first.Process);
        Assert.Equal(112, first.ProcessId);
        Assert.Equal(0x2d1f4, first.ThreadId);
        Assert.Equal("com.apple.calls.callservicesd", first.Subsystem);
        Assert.StartsWith("Received incoming APS message", first.EventMessage);
        Assert.Equal("AudioSession", read.Entries[1].Sender);
        Assert.Equal(new DateTime(2025, 10, 28, 18, 27, 47, 402), read.Entries[1].Timestamp!.Value.Local);
    }

    [Fact]
    public void SyslogStyle()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "Timestamp                       (process)[PID]    ",
            "2025-10-23 16:00:39.916170+1100  localhost Glip[4410]: (CallKit) [com.apple.calls.callkit:Default] Provider <private> was asked to report a new incoming call with UUID: <private> update: <private>",
            "2018-10-24 17:23:33.842651+0200  localhost sudo[2002]:   MacBook : 2 incorrect password attempts"));
        Assert.Equal(LogInputFormat.LogShowSyslog, read.Summary.Format);
        var first = read.Entries[0];
        Assert.Equal("Glip", first.Process);
        Assert.Equal(4410, first.ProcessId);
        Assert.Equal("CallKit", first.Sender);
        Assert.Equal("com.apple.calls.callkit", first.Subsystem);
        Assert.StartsWith("Provider <private> was asked", first.EventMessage);
        Assert.Equal("sudo", read.Entries[1].Process);
        Assert.Equal(0, read.Summary.UnparsedLines);
    }

    [Fact]
    public void SyslogStyleDeviceLevelTag()
    {
        var read = ReadResult.Of("2019-03-14 10:20:30.000000+0100  iPhone SpringBoard(FrontBoard)[57] <Error>: Process exited\n", LogInputFormat.LogShowSyslog);
        var entry = Assert.Single(read.Entries);
        Assert.Equal("SpringBoard", entry.Process);
        Assert.Equal("FrontBoard", entry.Sender);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("Process exited", entry.EventMessage);
    }

    [Fact]
    public void ExcerptLinesAsDtsQuotesThem()
    {
        var read = ReadResult.Of(ReadResult.Lines(
            "2025-10-28 18:27:47.401604 callservicesd: [com.apple.calls.callservicesd:Default] Received incoming APS message from application with bundle identifier <private> and topic <private>",
            "2025-10-23 16:00:39.916170+1100 Glip: (CallKit) [com.apple.calls.callkit:Default] Provider <private> was notified that configuration was set to <private>",
            "2025-10-23 16:01:52.259438+1100 callservicesd: (AudioSession) [com.apple.coreaudio:as_client]     AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x0, error = <NSError:0x60000071c03da10(NSOSStatusErrorDomain:-50) - {",
            "    NSLocalizedDescription = \"Session lookup failed\";",
            "}>"));
        Assert.Equal(LogInputFormat.LogShowExcerpt, read.Summary.Format);
        Assert.Equal(3, read.Entries.Count);
        Assert.Null(read.Entries[0].Timestamp!.Value.Offset);
        Assert.Null(read.Entries[0].Sender);
        Assert.Equal("com.apple.calls.callservicesd", read.Entries[0].Subsystem);
        Assert.Equal("Glip", read.Entries[1].Process);
        Assert.Equal("CallKit", read.Entries[1].Sender);
        Assert.Equal(new SourceLocation("AVAudioSession_iOS.mm", 597), read.Entries[2].SourceLocation);
        Assert.Equal(3, read.Entries[2].EventMessage.Split('\n').Length);
    }
}
