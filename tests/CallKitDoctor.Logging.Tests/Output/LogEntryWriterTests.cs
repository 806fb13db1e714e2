using System.Text;
using System.Text.Json;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Output;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Output;

public sealed class LogEntryWriterTests
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(11);

    private static LogEntry Sample(string message = "Call 42 started", LogLevel level = LogLevel.Default, int sub = 0) => new(message)
    {
        Timestamp = new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 39).AddTicks(9_161_700), Offset, subTickNanoseconds: sub),
        ProcessImagePath = "/usr/libexec/callservicesd",
        ProcessId = 123,
        ThreadId = 0x1a2b3,
        Sender = "CallKit",
        SenderImagePath = "/System/Library/Frameworks/CallKit.framework/CallKit",
        Subsystem = "com.apple.calls.callkit",
        Category = "Default",
        Level = level,
        EventType = LogEventType.LogEvent,
        FormatString = "Call %d started",
        ActivityIdentifier = 0x5f,
        TraceId = 611508566008070148,
        MachTimestamp = 96370345288136,
        SenderProgramCounter = 141347428,
        BootUuid = Guid.Parse("a6ebc8e3-0a1c-40e8-93b9-da3a7f671d19"),
        SenderImageUuid = Guid.Parse("671e0820-86ab-3339-a384-01efbd8017a4"),
        TimeZoneName = "Australia/Sydney",
    };

    private static string Write(LogOutputStyle style, params LogEntry[] entries) => WrittenOutput.Of(style, entries);

    [Fact]
    public void DefaultStyleHasLogHeaderFixedColumnsAndFooter()
    {
        var text = Write(LogOutputStyle.Default, Sample(), Sample("second", LogLevel.Error));
        var lines = text.Split('\n');

        Assert.Equal("Timestamp                       Thread     Type        Activity             PID    TTL  ", lines[0]);
        var line = lines[1];
        Assert.Equal("2025-10-23 16:00:39.916170+1100 ", line[..32]);
        Assert.Equal("0x1a2b3    ", line[32..43]);
        Assert.Equal("Default     ", line[43..55]);
        Assert.Equal("0x5f                 ", line[55..76]);
        Assert.Equal("123    ", line[76..83]);
        Assert.Equal("0    ", line[83..88]);
        Assert.Equal("callservicesd: (CallKit) [com.apple.calls.callkit:Default] Call 42 started", line[DefaultEntryWriter.MessageColumn..]);
        Assert.Equal("Error       ", lines[2][43..55]);
        Assert.StartsWith("-----", lines[3], StringComparison.Ordinal);
        Assert.Equal("Log      - Default:          1, Info:                0, Debug:             0, Error:          1, Fault:          0", lines[4]);
        Assert.Equal("Activity - Create:           0, Transition:          0, Actions:           0", lines[5]);
        Assert.Equal("", lines[6]);
    }

    [Fact]
    public void HeaderColumnsLineUpWithEntryColumns()
    {
        var header = DefaultEntryWriter.Header;
        Assert.Equal(32, header.IndexOf("Thread", StringComparison.Ordinal));
        Assert.Equal(43, header.IndexOf("Type", StringComparison.Ordinal));
        Assert.Equal(55, header.IndexOf("Activity", StringComparison.Ordinal));
        Assert.Equal(76, header.IndexOf("PID", StringComparison.Ordinal));
        Assert.Equal(83, header.IndexOf("TTL", StringComparison.Ordinal));
        Assert.Equal(DefaultEntryWriter.MessageColumn, header.Length);
    }

    [Fact]
    public void CompactStyleUsesTwoLetterTypesAndMilliseconds()
    {
        var text = Write(LogOutputStyle.Compact, Sample(), Sample("i", LogLevel.Info), Sample("d", LogLevel.Debug), Sample("e", LogLevel.Error), Sample("f", LogLevel.Fault));
        var lines = text.Split('\n');

        Assert.Equal(CompactEntryWriter.Header, lines[0]);
        Assert.Equal("2025-10-23 16:00:39.916 Df callservicesd[123:1a2b3] (CallKit) [com.apple.calls.callkit:Default] Call 42 started", lines[1]);
        Assert.Equal(["Df", "I ", "Db", "E ", "F "], lines[1..6].Select(l => l[24..26]));
    }

    [Fact]
    public void SyslogStyleWritesHostAndProcessBracket()
    {
        var lines = Write(LogOutputStyle.Syslog, Sample()).Split('\n');

        Assert.Equal(SyslogEntryWriter.Header, lines[0]);
        Assert.Equal("2025-10-23 16:00:39.916170+1100  localhost callservicesd[123]: (CallKit) [com.apple.calls.callkit:Default] Call 42 started", lines[1]);
    }

    [Fact]
    public void NdjsonWritesLogFieldOrderAndCountTrailer()
    {
        var lines = Write(LogOutputStyle.Ndjson, Sample(), Sample("b")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.Equal("""{"count":2,"finished":1}""", lines[2]);
        using var doc = JsonDocument.Parse(lines[0]);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["traceID", "eventMessage", "eventType", "source", "formatString", "activityIdentifier", "subsystem", "category", "threadID",
             "senderImageUUID", "backtrace", "bootUUID", "processImagePath", "timestamp", "senderImagePath", "machTimestamp", "messageType",
             "processImageUUID", "processID", "senderProgramCounter", "parentActivityIdentifier", "timezoneName"],
            names);
        var root = doc.RootElement;
        Assert.Equal(611508566008070148UL, root.GetProperty("traceID").GetUInt64());
        Assert.Equal("2025-10-23 16:00:39.916170+1100", root.GetProperty("timestamp").GetString());
        Assert.Equal("671E0820-86AB-3339-A384-01EFBD8017A4", root.GetProperty("senderImageUUID").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("source").ValueKind);
        Assert.Equal("", root.GetProperty("processImageUUID").GetString());
        var frame = root.GetProperty("backtrace").GetProperty("frames")[0];
        Assert.Equal(141347428, frame.GetProperty("imageOffset").GetInt64());
        Assert.Equal("logEvent", root.GetProperty("eventType").GetString());
        Assert.Equal("Default", root.GetProperty("messageType").GetString());
    }

    [Fact]
    public void NdjsonWritesEmptyStringsAndZeroForUnknownFields()
    {
        using var doc = JsonDocument.Parse(Write(LogOutputStyle.Ndjson, new LogEntry("m")).Split('\n')[0]);
        var root = doc.RootElement;

        foreach (var name in new[] { "formatString", "subsystem", "category", "processImagePath", "senderImagePath", "timezoneName", "timestamp", "bootUUID" })
        {
            Assert.Equal("", root.GetProperty(name).GetString());
        }

        Assert.Equal(0, root.GetProperty("processID").GetInt32());
        Assert.Equal(0, root.GetProperty("backtrace").GetProperty("frames").GetArrayLength());
    }

    [Fact]
    public void NdjsonOfNothingIsOnlyTheTrailer() =>
        Assert.Equal("{\"count\":0,\"finished\":1}\n", Write(LogOutputStyle.Ndjson));

    [Fact]
    public void JsonIsOneArray()
    {
        using var doc = JsonDocument.Parse(Write(LogOutputStyle.Json, Sample("a \"quoted\"\nline"), Sample("b")));

        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Assert.Equal("a \"quoted\"\nline", doc.RootElement[0].GetProperty("eventMessage").GetString());
        Assert.Equal(0, JsonDocument.Parse(Write(LogOutputStyle.Json)).RootElement.GetArrayLength());
    }

    [Fact]
    public void CsvQuotesFieldsAfterRfc4180()
    {
        var text = Write(LogOutputStyle.Csv, Sample("plain"), Sample("a, \"b\"\r\nc"));
        var rows = text.Split("\r\n");

        Assert.Equal(CsvEntryWriter.Header, rows[0]);
        Assert.Equal("2025-10-23 16:00:39.916170+1100,107187,Default,logEvent,95,123,callservicesd,CallKit,com.apple.calls.callkit,Default,plain", rows[1]);
        Assert.EndsWith(",\"a, \"\"b\"\"", rows[2], StringComparison.Ordinal);
        Assert.Equal("c\"", rows[3]);
        Assert.Equal("", rows[4]);
    }

    [Fact]
    public void TimestampKeepsMicrosecondsAndNegativeOffsets()
    {
        var time = new LogTimestamp(new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(1_234_567), TimeSpan.FromMinutes(-210));
        Span<byte> buffer = stackalloc byte[TimestampText.MaxLength];

        var n = TimestampText.Format(time, buffer, 6, withOffset: true);

        Assert.Equal("2024-01-02 03:04:05.123456-0330", Encoding.ASCII.GetString(buffer[..n]));
        Assert.Equal(time.ToString(), Encoding.ASCII.GetString(buffer[..n]));
    }

    [Fact]
    public void EntryWithoutOptionalFieldsStillWritesEveryStyle()
    {
        var bare = new LogEntry("bare");
        foreach (var style in Enum.GetValues<LogOutputStyle>())
        {
            Assert.Contains("bare", Write(style, bare), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LargeOutputIsFlushedInPieces()
    {
        var entries = Enumerable.Range(0, 3000).Select(i => Sample("message " + i)).ToArray();

        var text = Write(LogOutputStyle.Ndjson, entries);

        Assert.EndsWith("{\"count\":3000,\"finished\":1}\n", text, StringComparison.Ordinal);
        Assert.Equal(3001, text.Count(c => c == '\n'));
    }

    [Theory]
    [InlineData(LogOutputStyle.Default)]
    [InlineData(LogOutputStyle.Syslog)]
    [InlineData(LogOutputStyle.Ndjson)]
    [InlineData(LogOutputStyle.Json)]
    public void WrittenTextReadsBackIntoEqualFields(LogOutputStyle style)
    {
        LogEntry[] written = [Sample(), Sample("disconnected: reason 7", LogLevel.Error), Sample("fault here", LogLevel.Fault)];

        var source = LogSources.FromText(Write(style, written), "round-trip");
        var read = source.ReadEntries().ToList();

        Assert.Equal(written.Length, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(written[i].Timestamp, read[i].Timestamp);
            Assert.Equal(written[i].EventMessage, read[i].EventMessage);
            Assert.Equal(written[i].Process, read[i].Process);
            Assert.Equal(written[i].ProcessId, read[i].ProcessId);
            Assert.Equal(written[i].Sender, read[i].Sender);
            Assert.Equal(written[i].Subsystem, read[i].Subsystem);
            Assert.Equal(written[i].Category, read[i].Category);
            if (style != LogOutputStyle.Syslog)
            {
                Assert.Equal(written[i].Level, read[i].Level);
                Assert.Equal(written[i].ThreadId, read[i].ThreadId);
                Assert.Equal(written[i].ActivityIdentifier, read[i].ActivityIdentifier);
            }
        }
    }

    [Fact]
    public void CompactTextReadsBackWithMillisecondTimes()
    {
        var written = Sample();

        var read = LogSources.FromText(Write(LogOutputStyle.Compact, written), "compact").ReadEntries().Single();

        Assert.Equal(written.EventMessage, read.EventMessage);
        Assert.Equal(written.ProcessId, read.ProcessId);
        Assert.Equal(written.ThreadId, read.ThreadId);
        Assert.Equal(written.Level, read.Level);
        Assert.Equal(written.Timestamp!.Value.Local.Ticks / TimeSpan.TicksPerMillisecond, read.Timestamp!.Value.Local.Ticks / TimeSpan.TicksPerMillisecond);
    }

    [Theory]
    [InlineData("ndjson", LogOutputStyle.Ndjson)]
    [InlineData("CSV", LogOutputStyle.Csv)]
    [InlineData(" default ", LogOutputStyle.Default)]
    public void ParsesStyleNames(string name, LogOutputStyle expected)
    {
        Assert.True(LogEntryWriter.TryParseStyle(name, out var style));
        Assert.Equal(expected, style);
        Assert.False(LogEntryWriter.TryParseStyle("xml", out _));
    }
}
