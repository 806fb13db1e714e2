using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Text;

public class JsonReaderTests
{
    private const string Entry1 =
        "{\"traceID\":15101861027778564,\"eventMessage\":\"Provider <private> was notified that configuration was set to <private>\",\"eventType\":\"logEvent\",\"source\":null," +
        "\"formatString\":\"Provider %@ was notified that configuration was set to %@\",\"activityIdentifier\":1234,\"subsystem\":\"com.apple.calls.callkit\",\"category\":\"Default\"," +
        "\"threadID\":28030,\"senderImageUUID\":\"10167444-3A9A-33FC-AF11-D0ADEBBF5B95\",\"backtrace\":{\"frames\":[{\"imageOffset\":17654,\"imageUUID\":\"10167444-3A9A-33FC-AF11-D0ADEBBF5B95\"}]}," +
        "\"bootUUID\":\"E955FE07-AB9D-48EC-A851-97AC5C611182\",\"processImagePath\":\"\\/private\\/var\\/containers\\/Bundle\\/Application\\/Glip.app\\/Glip\"," +
        "\"timestamp\":\"2025-10-23 16:00:39.916170+1100\",\"senderImagePath\":\"\\/System\\/Library\\/Frameworks\\/CallKit.framework\\/CallKit\",\"machTimestamp\":435663966275," +
        "\"messageType\":\"Default\",\"processImageUUID\":\"10167444-3A9A-33FC-AF11-D0ADEBBF5B95\",\"processID\":4410,\"senderProgramCounter\":17654,\"parentActivityIdentifier\":7,\"timezoneName\":\"Australia\\/Sydney\"}";

    private const string Entry2 =
        "{\"eventMessage\":\"Creating proxy session failed, session ID = 0x0\",\"messageType\":\"Error\",\"eventType\":\"logEvent\",\"timestamp\":\"2019-01-27 09:18:08.685614Z\",\"processID\":112,\"subsystem\":\"com.apple.coreaudio\",\"category\":\"as_client\",\"processImagePath\":\"\\/usr\\/libexec\\/callservicesd\"}";

    [Fact]
    public void NdjsonFillsTheWholeEntryAndSkipsTheCountRecord()
    {
        var read = ReadResult.Of(Entry1 + "\n" + Entry2 + "\n{\"count\":2,\"finished\":1}\n");
        Assert.Equal(LogInputFormat.LogShowNdjson, read.Summary.Format);
        Assert.Equal(2, read.Entries.Count);
        var e = read.Entries[0];
        Assert.Equal("Provider <private> was notified that configuration was set to <private>", e.EventMessage);
        Assert.Equal("Provider %@ was notified that configuration was set to %@", e.FormatString);
        Assert.Equal("Glip", e.Process);
        Assert.Equal("/private/var/containers/Bundle/Application/Glip.app/Glip", e.ProcessImagePath);
        Assert.Equal(4410, e.ProcessId);
        Assert.Equal(28030, e.ThreadId);
        Assert.Equal("CallKit", e.Sender);
        Assert.Equal("com.apple.calls.callkit", e.Subsystem);
        Assert.Equal("Default", e.Category);
        Assert.Equal(LogLevel.Default, e.Level);
        Assert.Equal(LogEventType.LogEvent, e.EventType);
        Assert.Equal(15101861027778564UL, e.TraceId);
        Assert.Equal(435663966275UL, e.MachTimestamp);
        Assert.Equal(1234UL, e.ActivityIdentifier);
        Assert.Equal(7UL, e.ParentActivityIdentifier);
        Assert.Equal(17654UL, e.SenderProgramCounter);
        Assert.Equal(Guid.Parse("E955FE07-AB9D-48EC-A851-97AC5C611182"), e.BootUuid);
        Assert.Equal(Guid.Parse("10167444-3A9A-33FC-AF11-D0ADEBBF5B95"), e.SenderImageUuid);
        Assert.Equal(Guid.Parse("10167444-3A9A-33FC-AF11-D0ADEBBF5B95"), e.ProcessImageUuid);
        Assert.Equal("Australia/Sydney", e.TimeZoneName);
        Assert.Equal("2025-10-23 16:00:39.916170+1100", e.Timestamp.ToString());
        Assert.Equal(InputLocation.Lines("test.log", 1, 1), e.Location);
        Assert.Equal(Entry1, e.RawText);

        Assert.Equal(LogLevel.Error, read.Entries[1].Level);
        Assert.Equal(TimeSpan.Zero, read.Entries[1].Timestamp!.Value.Offset);
        Assert.Equal(2, read.Entries[1].Location.Line);
        Assert.Equal(3, read.Summary.Lines);
        Assert.Equal(2, read.Summary.Entries);
        Assert.Empty(read.Summary.Issues);
        Assert.Equal("Australia/Sydney", read.Source.Context.TimeZoneName);
    }

    [Fact]
    public void JsonArrayPrettyPrintedIsStreamedAcrossBuffers()
    {
        var sb = new StringBuilder("[");
        const int count = 3000;
        for (var i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "{\n" : ",{\n");
            sb.Append("  \"eventMessage\" : \"message ").Append(i).Append("\",\n");
            sb.Append("  \"backtrace\" : {\n    \"frames\" : [ { \"imageOffset\" : 1 } ]\n  },\n");
            sb.Append("  \"messageType\" : \"Info\",\n  \"timestamp\" : \"2025-10-23 16:00:39.916170+1100\"\n}");
        }

        sb.Append("]\n");
        var read = ReadResult.Of(sb.ToString());
        Assert.Equal(LogInputFormat.LogShowJson, read.Summary.Format);
        Assert.Equal(count, read.Entries.Count);
        Assert.Equal("message 2999", read.Entries[^1].EventMessage);
        Assert.All(read.Entries, e => Assert.Equal(LogLevel.Info, e.Level));
        Assert.Equal(InputLocation.Lines("test.log", 1, 8), read.Entries[0].Location);
        Assert.Equal(8, read.Entries[1].Location.Line);
        Assert.Empty(read.Summary.Issues);
    }

    [Fact]
    public void TruncatedArrayYieldsEntriesBeforeAndRecordsTheByteOffset()
    {
        var text = "[" + Entry1 + "," + Entry2 + "," + Entry1[..200];
        var read = ReadResult.Of(text, LogInputFormat.LogShowJson);
        Assert.Equal(2, read.Entries.Count);
        var issue = Assert.Single(read.Summary.Issues);
        Assert.Equal(LogReadIssueSeverity.Error, issue.Severity);
        Assert.True(issue.ByteOffset >= Encoding.UTF8.GetByteCount("[" + Entry1 + "," + Entry2), issue.ToString());
        Assert.True(read.Summary.IsPartial);
    }

    [Fact]
    public void NdjsonResynchronisesAfterABadLine()
    {
        var read = ReadResult.Of(Entry2 + "\n{\"eventMessage\": oops}\n" + Entry2 + "\n", LogInputFormat.LogShowNdjson);
        Assert.Equal(2, read.Entries.Count);
        Assert.Equal(3, read.Entries[1].Location.Line);
        Assert.Single(read.Summary.Issues);
        Assert.Equal(1, read.Summary.UnparsedLines);
    }

    [Fact]
    public void EmptyArrayAndEmptyInputGiveNoEntries()
    {
        Assert.Empty(ReadResult.Of("[]\n", LogInputFormat.LogShowJson).Entries);
        var empty = ReadResult.Of("", LogInputFormat.LogShowNdjson);
        Assert.Empty(empty.Entries);
        Assert.Empty(empty.Summary.Issues);
    }
}
