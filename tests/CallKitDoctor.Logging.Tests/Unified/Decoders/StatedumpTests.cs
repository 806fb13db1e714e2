using System.Globalization;
using System.Text;
using System.Text.Json;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Formatting.Decoders;
using CallKitDoctor.Logging.Unified.Plist;
using CallKitDoctor.Logging.Unified.Protobuf;
using CallKitDoctor.Logging.Unified.Statedump;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified.Decoders;

public sealed class StatedumpTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ckd-statedump-" + Guid.NewGuid().ToString("N"));

    public StatedumpTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] SamplePlist()
    {
        var p = new BinaryPlistImage();
        var kCalls = p.Ascii("calls");
        var kActive = p.Ascii("active");
        var kRate = p.Ascii("rate");
        var kBlob = p.Ascii("blob");
        var kName = p.Ascii("name");
        var call = p.Dict((p.Ascii("uuid"), p.Ascii("E1A2")), (p.Ascii("state"), p.Int(3)));
        var calls = p.Array(call, p.Ascii("x\"y"));
        var root = p.Dict((kCalls, calls), (kActive, p.True()), (kRate, p.Real(1.5)), (kBlob, p.Data(1, 2, 3)), (kName, p.Unicode("Zoë")));
        return p.Build(root);
    }

    [Fact]
    public void BinaryPlistBecomesJson()
    {
        var text = new StringBuilder();
        Assert.True(BinaryPlistText.TryFormat(SamplePlist(), text, out var error), error);
        Assert.Equal("{\"calls\":[{\"uuid\":\"E1A2\",\"state\":3},\"x\\\"y\"],\"active\":true,\"rate\":1.5,\"blob\":\"AQID\",\"name\":\"Zoë\"}", text.ToString());
        using var parsed = JsonDocument.Parse(text.ToString());
        Assert.Equal(3, parsed.RootElement.GetProperty("calls")[0].GetProperty("state").GetInt32());
    }

    [Theory]
    [InlineData("plain text", "\"plain text\"")]
    [InlineData("", "\"\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nnext\ttab\rret", "\"line\\nnext\\ttab\\rret\"")]
    [InlineData("\u0001x\u001f", "\"\\u0001x\\u001f\"")]
    [InlineData("/path/é", "\"/path/é\"")]
    public void PlistStringsAreEscapedAsJson(string text, string expected)
    {
        var output = new StringBuilder("prefix:");
        BinaryPlistText.AppendJsonString(output, text);
        Assert.Equal("prefix:" + expected, output.ToString());
    }

    [Fact]
    public void MalformedAndCyclicPlistsAreRejectedWithAReason()
    {
        var good = SamplePlist();
        var text = new StringBuilder();
        Assert.False(BinaryPlistText.TryFormat(good.AsSpan(0, good.Length - 1), text, out var cut));
        Assert.NotNull(cut);
        Assert.Equal(0, text.Length);

        var p = new BinaryPlistImage();
        var self = p.Array(0);
        p.Set(self, 0xA1, (byte)self);
        Assert.False(BinaryPlistText.TryFormat(p.Build(self), text, out var cycle));
        Assert.Contains("nesting", cycle, StringComparison.Ordinal);
        Assert.Equal(0, text.Length);

        var bad = new BinaryPlistImage();
        var one = bad.Int(1);
        var array = bad.Array(one, 7);
        Assert.False(BinaryPlistText.TryFormat(bad.Build(array), text, out var reference));
        Assert.Contains("reference 7", reference, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtobufBecomesAFieldDump()
    {
        // 1: 150, 2: "testing", 3: { 1: 1 }, 4: fixed32, 5: bytes that are neither a message nor text.
        var data = Convert.FromHexString("089601" + "120774657374696E67" + "1A020801" + "2578563412" + "2A03FF0001");
        var text = new StringBuilder();

        Assert.True(ProtobufText.TryFormat(data, text));
        Assert.Equal("1: 150\n2: \"testing\"\n3: {\n  1: 1\n}\n4: 0x12345678\n5: 0xff0001\n", text.ToString());
        Assert.False(ProtobufText.TryFormat(Convert.FromHexString("0A05AB"), text));
        Assert.Equal("1: 150\n2: \"testing\"\n3: {\n  1: 1\n}\n4: 0x12345678\n5: 0xff0001\n", text.ToString());
    }

    [Fact]
    public void MessageHasTitleThenDecodedData()
    {
        Assert.Equal("Calls\n{\"calls\":[{\"uuid\":\"E1A2\",\"state\":3},\"x\\\"y\"],\"active\":true,\"rate\":1.5,\"blob\":\"AQID\",\"name\":\"Zoë\"}",
            StatedumpMessage.Format("Calls", 1, null, null, SamplePlist()));
        Assert.Equal("Xml\n<?xml version=\"1.0\"?><plist><true/></plist>",
            StatedumpMessage.Format("Xml", 1, null, null, "\n<?xml version=\"1.0\"?><plist><true/></plist>\n\0"u8));
        Assert.Equal("Proto\n1: 150", StatedumpMessage.Format("Proto", 2, null, null, [0x08, 0x96, 0x01]));
        Assert.Equal("Only title", StatedumpMessage.Format("Only title", 1, null, null, []));

        var location = StatedumpMessage.Format("CLLocationManagerStateTracker", 3, "location", "_CLLocationManagerStateTrackerState",
            ValueDecoderTests.LocationStateBytes(v2: true));
        Assert.StartsWith("CLLocationManagerStateTracker\n{\"previousAuthorizationStatusValid\":true,", location, StringComparison.Ordinal);

        Assert.Equal("DNS Configuration\n<decode: unsupported decoder: SystemConfiguration:dnsinfo>\n0102ff",
            StatedumpMessage.Format("DNS Configuration", 3, "SystemConfiguration", "dnsinfo", [1, 2, 0xFF]));
        Assert.Equal("T\n<decode: unknown statedump data type 9>\n00", StatedumpMessage.Format("T", 9, null, null, [0]));
        Assert.StartsWith("T\n<decode: malformed plist: ", StatedumpMessage.Format("T", 1, null, null, "bplist00junk"u8), StringComparison.Ordinal);
        Assert.Equal("T\n<decode: malformed protobuf>\n0f", StatedumpMessage.Format("T", 2, null, null, [0x0F]));

        var big = new byte[5000];
        var shown = StatedumpMessage.Format("T", 7, null, null, big);
        Assert.EndsWith("… (5000 bytes)", shown, StringComparison.Ordinal);
        Assert.True(shown.Length < 2 * StatedumpMessage.MaxHexBytes + 100);
    }

    [Fact]
    public void AppendWritesAfterWhatTheBuilderHoldsTheTextFormatReturns()
    {
        var cases = new (string? Title, uint Type, string? Library, string? DecoderType, byte[] Data)[]
        {
            ("Calls", 1, null, null, SamplePlist()),
            ("Xml", 1, null, null, Encoding.UTF8.GetBytes("\n<?xml version=\"1.0\"?><plist><string>caf\u00e9 \u2028</string></plist>\u00a0\u2029 \n\0tail")),
            ("Proto", 2, null, null, [0x08, 0x96, 0x01]),
            ("", 2, null, null, [0x08, 0x96, 0x01]),
            ("", 2, null, null, []),
            (null, 1, null, null, "<plist/>"u8.ToArray()),
            ("Only title", 1, null, null, []),
            ("DNS", 3, "SystemConfiguration", "dnsinfo", [1, 2, 0xFF]),
            ("T", 9, null, null, new byte[3000]),
        };
        var builder = new StringBuilder();
        foreach (var (title, type, library, decoderType, data) in cases)
        {
            var expected = StatedumpMessage.Format(title, type, library, decoderType, data);
            builder.Clear().Append("kept|");
            StatedumpMessage.Append(builder, title, type, library, decoderType, data);

            Assert.Equal("kept|" + expected, builder.ToString());
        }

        // Trailing white space of an XML plist is trimmed as string.TrimEnd() trims it (Unicode spaces included).
        Assert.EndsWith("</plist>", StatedumpMessage.Format("Xml", 1, null, null, cases[1].Data), StringComparison.Ordinal);
    }

    private static byte[] StatedumpChunk(string title, uint dataType, string library, string type, byte[] payload) =>
        new ByteImage()
            .U64(Tracev3Image.FirstProcId).U32(Tracev3Image.SecondProcId).U8(14).Zeros(3).U64(Tracev3Image.BaseTime + 500)
            .U64(0x8000_0000_0000_0063).Uuid(Tracev3Image.MainUuid).U32(dataType).U32((uint)payload.Length)
            .Fixed(library, 64).Fixed(type, 64).Fixed(title, 64).Bytes(payload)
            .ToArray();

    [Fact]
    public void UnifiedLogSourceDecodesStatedumpObjectsByLibraryAndType()
    {
        var content = Tracev3Image.ChunksetContent(
            (0x6003, StatedumpChunk("CLLocationManagerStateTracker", 3, "location", "_CLLocationManagerStateTrackerState", ValueDecoderTests.LocationStateBytes(v2: false))),
            (0x6003, StatedumpChunk("Calls", 1, "", "", SamplePlist())));
        var file = Path.Combine(_dir, "dump.tracev3");
        File.WriteAllBytes(file, Tracev3Image.File(Tracev3Image.Lz4(content)));

        var entries = new UnifiedLogSource(file).ReadEntries().ToList();

        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(LogEventType.StateEvent, e.EventType));
        Assert.StartsWith("CLLocationManagerStateTracker\n{\"previousAuthorizationStatusValid\":true,\"paused\":false,", entries[0].EventMessage, StringComparison.Ordinal);
        Assert.StartsWith("Calls\n{\"calls\":", entries[1].EventMessage, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void RealStatedumpsDecode()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var reference = File.ReadLines(SharedData.PathOf("testdata", "reference", "0000000000000f85.tracev3.dtformats.ndjson")!)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("eventType").GetString() == "stateEvent")
            .ToDictionary(r => r.GetProperty("machTimestamp").GetUInt64(), r => r.GetProperty("eventMessage").GetString()!);
        var dumps = new UnifiedLogSource(SharedData.PathOf("testdata", "unified_logging", "0000000000000f85.tracev3")!)
            .ReadEntries().Where(e => e.EventType == LogEventType.StateEvent).ToList();

        Assert.Equal(496, dumps.Count);
        int location = 0, unsupported = 0, decodedBeyondReference = 0, json = 0;
        var undecoded = new List<string>();
        var other = 0;
        foreach (var dump in dumps)
        {
            var expected = reference[dump.MachTimestamp!.Value];
            var message = dump.EventMessage;
            if (expected.StartsWith("CLLocationManagerStateTracker\n", StringComparison.Ordinal))
            {
                // dtformats writes the location state object exactly as log does.
                Assert.Equal(expected, message);
                location++;
            }
            else if (expected.Contains("<decode: unsupported decoder: ", StringComparison.Ordinal))
            {
                var name = expected[(expected.IndexOf("<decode: unsupported decoder: ", StringComparison.Ordinal) + 30)..^1];
                if (ValueDecoders.TryGet(name, out _))
                {
                    // Decoders dtformats lacks (location:_CLDaemonStatusStateTrackerState) must decode, not fall back.
                    Assert.StartsWith(expected[..expected.IndexOf('\n', StringComparison.Ordinal)] + "\n{", message, StringComparison.Ordinal);
                    Assert.DoesNotContain("<decode:", message, StringComparison.Ordinal);
                    decodedBeyondReference++;
                }
                else
                {
                    Assert.StartsWith(expected + "\n", message, StringComparison.Ordinal);
                    unsupported++;
                }
            }
            else
            {
                // dtformats leaves plist and protobuf dumps empty; ours are the title and the data as JSON, XML or a field dump.
                var newline = message.IndexOf('\n', StringComparison.Ordinal);
                var body = newline >= 0 ? message[(newline + 1)..] : "";
                if (body.StartsWith('{') || body.StartsWith('['))
                {
                    try
                    {
                        using var parsed = JsonDocument.Parse(body);
                        json++;
                    }
                    catch (JsonException)
                    {
                        undecoded.Add(message[..Math.Min(message.Length, 300)]);
                    }
                }
                else if (body.Contains("<decode:", StringComparison.Ordinal))
                {
                    undecoded.Add(message[..Math.Min(message.Length, 300)]);
                }
                else
                {
                    other++;
                }
            }
        }

        Assert.Empty(undecoded);
        Assert.Equal(23, location);
        Assert.True(unsupported > 0 && decodedBeyondReference > 0, $"{unsupported} unsupported, {decodedBeyondReference} decoded beyond dtformats");
        Assert.True(json >= 100 && other > 0, string.Create(CultureInfo.InvariantCulture, $"{json} JSON, {other} XML/protobuf/title only"));
    }
}
