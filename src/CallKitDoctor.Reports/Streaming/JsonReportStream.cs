using System.Text;
using System.Text.Json;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Reports.Json;

namespace CallKitDoctor.Reports.Streaming;

/// <summary>
/// A <see cref="ReportStream"/> for the JSON report. Calls are written to the spill file by a JSON writer that stands
/// where the document's <c>calls</c> array stands (inside <c>{ "calls": [</c>), so the bytes between that opening
/// bracket and the closing one are exactly what the document holds there, indentation and commas included.
/// </summary>
internal sealed class JsonReportStream(JsonReportRenderer renderer) : ReportStream
{
    private const int CopyBufferBytes = 64 * 1024;

    // The JSON writer's Flush also flushes the file to the system: pass bytes on in pieces of this size, not per call.
    private const int FlushBytes = 64 * 1024;

    private SpillFile? _file;
    private Utf8JsonWriter? _json;
    private long _start;
    private bool _disposed;
    private Action? _drain;
    private readonly JsonValueCache _values = new();

    public override string? SpillFolder => _file?.FolderPath;

    private protected override void AcceptCore(CallFlow call)
    {
        ArgumentNullException.ThrowIfNull(call);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_json is null)
        {
            _file = new SpillFile();
            _json = new Utf8JsonWriter(_file.Stream, TextWriterJsonSink.WriterOptions);
            _json.WriteStartObject();
            _json.WriteStartArray("calls");
            _json.Flush();
            _start = _file.Stream.Position;
        }

        var json = _json;
        _drain ??= () =>
        {
            if (json.BytesPending >= FlushBytes)
            {
                json.Flush();
            }
        };
        JsonReportRenderer.WriteCall(json, call, _drain, _values);
        _drain();
        SpilledCalls++;
    }

    public override void Complete(DiagnosisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_json is null || _file is null)
        {
            renderer.WriteDocument(report, output, null);
            return;
        }

        foreach (var call in report.Calls)
        {
            Accept(call);
        }

        long end;
        try
        {
            _json.WriteEndArray();
            _json.Flush();
            // The spill ends with the array's closing bracket: the document's own writer closes it.
            end = _file.Rewind() - 1;
        }
        catch (Exception ex) when (ReportSpillException.IsUnwrapped(ex))
        {
            throw ReportSpillException.From(SpillFolder, ex);
        }

        var file = _file;
        renderer.WriteDocument(report, output, o => CopyUtf8(file.Stream, _start, end, o));
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            _json?.Dispose();
            _file?.Dispose();
            _file = null;
        }
    }

    private static void CopyUtf8(Stream stream, long from, long to, TextWriter output)
    {
        if (output is StreamWriter { Encoding: UTF8Encoding } utf8)
        {
            // The spill is well-formed UTF-8 (the JSON writer only takes sanitised text), so decoding it and encoding it
            // again would give the same bytes: pass them on as they are.
            utf8.Flush();
            var target = utf8.BaseStream;
            CopyRange(stream, from, to, (bytes, count, _) => target.Write(bytes, 0, count));
            return;
        }

        var decoder = new UTF8Encoding(false, false).GetDecoder();
        var chars = new char[CopyBufferBytes + 4];
        CopyRange(stream, from, to, (bytes, count, last) => output.Write(chars, 0, decoder.GetChars(bytes, 0, count, chars, 0, flush: last)));
    }

    /// <summary>Reads bytes <paramref name="from"/>..<paramref name="to"/> of the spill in pieces and hands each on (with whether it is the last).</summary>
    private static void CopyRange(Stream stream, long from, long to, Action<byte[], int, bool> write)
    {
        var bytes = new byte[CopyBufferBytes];
        stream.Position = from;
        var left = to - from;
        while (left > 0)
        {
            var read = stream.Read(bytes, 0, (int)Math.Min(bytes.Length, left));
            if (read <= 0)
            {
                break;
            }

            left -= read;
            write(bytes, read, left == 0);
        }
    }
}
