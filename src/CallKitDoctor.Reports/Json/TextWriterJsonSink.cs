using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CallKitDoctor.Reports.Json;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose bytes are passed on to a <see cref="TextWriter"/> in pieces, so that a report
/// streams out call by call with memory bounded by the largest call rather than the whole document.
/// </summary>
internal sealed class TextWriterJsonSink : IDisposable
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Keep log text readable ("<private>", "é"); the output is a JSON file, never inlined into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly TextWriter _output;
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();
    private char[] _chars = new char[16 * 1024];

    public TextWriterJsonSink(TextWriter output)
    {
        _output = output;
        Writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Moves what the JSON writer has produced so far to the text writer.</summary>
    public void Drain()
    {
        Writer.Flush();
        var bytes = _buffer.WrittenSpan;
        if (bytes.IsEmpty)
        {
            return;
        }

        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var count = _decoder.GetChars(bytes, _chars, flush: false);
        _output.Write(_chars, 0, count);
        _buffer.ResetWrittenCount();
    }

    public void Dispose() => Writer.Dispose();
}
