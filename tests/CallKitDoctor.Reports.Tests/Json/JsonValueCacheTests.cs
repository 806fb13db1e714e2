using System.Text;
using System.Text.Json;
using CallKitDoctor.Reports.Formatting;
using CallKitDoctor.Reports.Json;

namespace CallKitDoctor.Reports.Tests.Json;

public class JsonValueCacheTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("v");

    public static TheoryData<string> Values => new()
    {
        "callservicesd",
        "",
        "quote \" backslash \\ slash / tab \t newline \n nul \0 bell \u0007",
        "<private> & 'apostrophe' é ü 日本語 emoji \U0001F4DE",
        "lone high \uD83D then text",
        "lone low \uDCDE at the start",
        "ends with a lone high \uD83D",
        "\u2028 line and paragraph \u2029 separators, \u007f delete, \u0085 next line",
        new string('x', 5000) + "\"",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Writes_the_same_bytes_as_the_writer_itself_on_first_use_and_on_reuse(string value)
    {
        var cache = new JsonValueCache();
        var expected = Write(w => w.WriteString(Name, Utf16Text.Sanitize(value)));
        Assert.Equal(expected, Write(w => cache.Write(w, Name, value)));
        Assert.Equal(expected, Write(w => cache.Write(w, Name, value)));
    }

    [Fact]
    public void Writes_null_as_json_null()
    {
        Assert.Equal(Write(w => w.WriteNull(Name)), Write(w => new JsonValueCache().Write(w, Name, null)));
    }

    [Fact]
    public void Keeps_each_value_apart_when_many_instances_share_slots()
    {
        // More distinct instances than slots, equal contents in different instances, and every one read back
        // twice: a slot that is taken over must never hand out another value's bytes.
        var cache = new JsonValueCache();
        var values = Enumerable.Range(0, 3000).Select(i => $"process-{i % 1500}-\"{i}\"").ToList();
        foreach (var round in new[] { 0, 1 })
        {
            foreach (var value in values)
            {
                Assert.Equal(Write(w => w.WriteString(Name, value)), Write(w => cache.Write(w, Name, value)));
            }
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, TextWriterJsonSink.WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
