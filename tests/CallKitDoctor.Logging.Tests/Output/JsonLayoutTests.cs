using System.Text;
using System.Text.Json;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Output;
using CsCheck;

namespace CallKitDoctor.Logging.Tests.Output;

/// <summary>
/// The JSON styles against what <c>log show</c> prints (NSJSONSerialization): <c>\/</c> in paths, the pretty array
/// layout <c>[{ … },{ … }]</c> with <c>"name" : value</c> members, and the ndjson count trailer.
/// </summary>
public sealed class JsonLayoutTests
{
    private static LogEntry Sample(string message, string process = "/usr/libexec/callservicesd") => new(message)
    {
        Timestamp = new LogTimestamp(new DateTime(2022, 5, 31, 22, 15, 26).AddTicks(7_517_740), TimeSpan.FromHours(-4)),
        ProcessImagePath = process,
        ProcessId = 49442,
        ThreadId = 11478754,
        SenderImagePath = "/System/Library/Frameworks/CallKit.framework/CallKit",
        Subsystem = "com.apple.calls.callkit",
        Category = "Default",
        Level = LogLevel.Default,
        EventType = LogEventType.LogEvent,
        FormatString = "%{public}s",
        TraceId = 1992620113002500,
        MachTimestamp = 100657362042581,
        SenderProgramCounter = 24060,
        BootUuid = Guid.Parse("a6ebc8e3-0a1c-40e8-93b9-da3a7f671d19"),
        SenderImageUuid = Guid.Parse("d681df00-7e8a-3258-b56c-dc8de26cf18b"),
        ProcessImageUuid = Guid.Parse("d681df00-7e8a-3258-b56c-dc8de26cf18b"),
        TimeZoneName = "America/Toronto",
    };

    private static string Write(LogOutputStyle style, params LogEntry[] entries) => WrittenOutput.Of(style, entries);

    [Fact]
    public void NdjsonEscapesSlashesLikeLog()
    {
        var line = Write(LogOutputStyle.Ndjson, Sample("a/b")).Split('\n')[0];

        Assert.Contains("\"processImagePath\":\"\\/usr\\/libexec\\/callservicesd\"", line, StringComparison.Ordinal);
        Assert.Contains("\"senderImagePath\":\"\\/System\\/Library\\/Frameworks\\/CallKit.framework\\/CallKit\"", line, StringComparison.Ordinal);
        Assert.Contains("\"eventMessage\":\"a\\/b\"", line, StringComparison.Ordinal);
        Assert.Contains("\"timezoneName\":\"America\\/Toronto\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void NdjsonLineIsByteForByteTheLogLayout()
    {
        var line = Write(LogOutputStyle.Ndjson, Sample("Call started")).Split('\n')[0];

        Assert.Equal(
            """{"traceID":1992620113002500,"eventMessage":"Call started","eventType":"logEvent","source":null,"formatString":"%{public}s","activityIdentifier":0,"subsystem":"com.apple.calls.callkit","category":"Default","threadID":11478754,"senderImageUUID":"D681DF00-7E8A-3258-B56C-DC8DE26CF18B","backtrace":{"frames":[{"imageOffset":24060,"imageUUID":"D681DF00-7E8A-3258-B56C-DC8DE26CF18B"}]},"bootUUID":"A6EBC8E3-0A1C-40E8-93B9-DA3A7F671D19","processImagePath":"\/usr\/libexec\/callservicesd","timestamp":"2022-05-31 22:15:26.751774-0400","senderImagePath":"\/System\/Library\/Frameworks\/CallKit.framework\/CallKit","machTimestamp":100657362042581,"messageType":"Default","processImageUUID":"D681DF00-7E8A-3258-B56C-DC8DE26CF18B","processID":49442,"senderProgramCounter":24060,"parentActivityIdentifier":0,"timezoneName":"America\/Toronto"}""",
            line);
    }

    [Fact]
    public void NdjsonEndsWithTheCountRecord()
    {
        var lines = Write(LogOutputStyle.Ndjson, Sample("a"), Sample("b"), Sample("c")).Split('\n');

        Assert.Equal("""{"count":3,"finished":1}""", lines[3]);
        Assert.Equal("", lines[4]);
    }

    [Fact]
    public void JsonStyleIsTheIndentedArrayLogPrints()
    {
        var text = Write(LogOutputStyle.Json, Sample("first"), Sample("second"));

        Assert.StartsWith("[{\n  \"traceID\" : 1992620113002500,\n  \"eventMessage\" : \"first\",\n  \"eventType\" : \"logEvent\",\n  \"source\" : null,", text, StringComparison.Ordinal);
        Assert.Contains("\n  \"backtrace\" : {\n    \"frames\" : [\n      {\n        \"imageOffset\" : 24060,\n        \"imageUUID\" : \"D681DF00-7E8A-3258-B56C-DC8DE26CF18B\"\n      }\n    ]\n  },\n", text, StringComparison.Ordinal);
        Assert.Contains("\n  \"processImagePath\" : \"\\/usr\\/libexec\\/callservicesd\",\n", text, StringComparison.Ordinal);
        Assert.Contains("\n  \"timezoneName\" : \"America\\/Toronto\"\n},{\n  \"traceID\" : ", text, StringComparison.Ordinal);
        Assert.EndsWith("\"timezoneName\" : \"America\\/Toronto\"\n}]\n", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(["first", "second"], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("eventMessage").GetString()));
    }

    [Fact]
    public void JsonStyleOfNothingIsAnEmptyArray() =>
        Assert.Equal(0, JsonDocument.Parse(Write(LogOutputStyle.Json)).RootElement.GetArrayLength());

    [Fact]
    public void ControlCharactersQuotesAndBackslashesAreEscaped()
    {
        var line = Write(LogOutputStyle.Ndjson, Sample("tab\there \"q\" back\\slash\nnew\u0001bell\u00e9\u2028")).Split('\n')[0];

        Assert.Contains("\"eventMessage\":\"tab\\there \\\"q\\\" back\\\\slash\\nnew\\u0001bell\u00e9\u2028\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyMessageRoundTripsThroughAJsonParser()
    {
        Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 80].Sample(message =>
        {
            var line = Write(LogOutputStyle.Ndjson, Sample(message, process: message)).Split('\n')[0];
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(message, doc.RootElement.GetProperty("eventMessage").GetString());
            Assert.Equal(message, doc.RootElement.GetProperty("processImagePath").GetString());
            Assert.DoesNotContain("/", line.Replace("\\/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }, iter: 500);
    }

    [Fact]
    public void UuidsAreUpperCaseWithHyphens()
    {
        Gen.Byte.Array[16].Sample(bytes =>
        {
            var uuid = new Guid(bytes);
            Span<byte> text = stackalloc byte[36];
            var n = TimestampText.FormatUuid(uuid, text);
            Assert.Equal(uuid.ToString("D").ToUpperInvariant(), Encoding.ASCII.GetString(text[..n]));
        }, iter: 300);
    }

    [Fact]
    public void ManyDifferentUuidsAreEachWrittenRight()
    {
        var uuids = Enumerable.Range(0, 200).Select(i => i % 7 == 0 ? Guid.Empty : Guid.NewGuid()).ToArray();
        var entries = uuids.Select((u, i) => new LogEntry("m") { BootUuid = u, SenderImageUuid = uuids[(i * 31) % uuids.Length] }).ToArray();

        var lines = Write(LogOutputStyle.Ndjson, entries).Split('\n');

        for (var i = 0; i < uuids.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            Assert.Equal(uuids[i].ToString("D").ToUpperInvariant(), doc.RootElement.GetProperty("bootUUID").GetString());
            Assert.Equal(uuids[(i * 31) % uuids.Length].ToString("D").ToUpperInvariant(), doc.RootElement.GetProperty("senderImageUUID").GetString());
        }
    }

    [Fact]
    public void TimestampTextMatchesLogTimestampToString()
    {
        Gen.Long[0, 3_155_378_975_999_999_999 / 100].Select(Gen.Int[-1080, 1080]).Sample((ticks, minutes) =>
        {
            var time = new LogTimestamp(new DateTime(ticks * 100 % DateTime.MaxValue.Ticks), TimeSpan.FromMinutes(minutes));
            Span<byte> text = stackalloc byte[TimestampText.MaxLength];
            var n = TimestampText.Format(time, text, 6, withOffset: true);
            Assert.Equal(time.ToString(), Encoding.ASCII.GetString(text[..n]));
        }, iter: 500);
    }

    [Fact]
    public void RepeatedStringInstancesAreWrittenTheSameEveryTime()
    {
        var shared = "com.example/shared";
        var other = new string("com.example/shared".AsSpan());
        var entries = Enumerable.Range(0, 6).Select(i => new LogEntry("m" + i) { Subsystem = i % 2 == 0 ? shared : other, Category = "c" + i }).ToArray();

        var lines = Write(LogOutputStyle.Ndjson, entries).Split('\n');

        for (var i = 0; i < 6; i++)
        {
            Assert.Contains("\"subsystem\":\"com.example\\/shared\",\"category\":\"c" + i + "\"", lines[i], StringComparison.Ordinal);
        }
    }
}
