using System.Runtime.InteropServices;
using System.Text;

namespace CallKitDoctor.Reports.Streaming;

/// <summary>
/// A <see cref="TextWriter"/> that stores its characters in a stream as they are (UTF-16 code units, no encoding), so
/// that reading them back (<see cref="CopyTo"/>) gives exactly the characters written, lone surrogates included.
/// </summary>
internal sealed class CharSpillWriter : TextWriter
{
    private const int BufferChars = 16 * 1024;

    private readonly Stream _stream;
    private readonly char[] _buffer = new char[BufferChars];
    private int _count;

    /// <param name="stream">Where the characters go.</param>
    /// <param name="newLine">The line end to write (the final output's, so that copied text matches it).</param>
    public CharSpillWriter(Stream stream, string newLine)
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _stream = stream;
        NewLine = newLine;
    }

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value)
    {
        if (_count == _buffer.Length)
        {
            FlushBuffer();
        }

        _buffer[_count++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_count == _buffer.Length)
            {
                FlushBuffer();
            }

            var n = Math.Min(buffer.Length, _buffer.Length - _count);
            buffer[..n].CopyTo(_buffer.AsSpan(_count));
            _count += n;
            buffer = buffer[n..];
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Flush()
    {
        FlushBuffer();
        _stream.Flush();
    }

    /// <summary>Writes the characters in <paramref name="stream"/> from its position to its end to <paramref name="output"/>.</summary>
    public static void CopyTo(Stream stream, TextWriter output)
    {
        var chars = new char[BufferChars];
        var bytes = MemoryMarshal.AsBytes(chars.AsSpan());
        var filled = 0;
        int read;
        while ((read = stream.Read(bytes[filled..])) > 0)
        {
            filled += read;
            var whole = filled / sizeof(char);
            if (whole > 0)
            {
                output.Write(chars, 0, whole);
                var rest = filled % sizeof(char);
                if (rest > 0)
                {
                    bytes[(whole * sizeof(char))..filled].CopyTo(bytes);
                }

                filled = rest;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            FlushBuffer();
        }

        base.Dispose(disposing);
    }

    private void FlushBuffer()
    {
        if (_count > 0)
        {
            _stream.Write(MemoryMarshal.AsBytes(_buffer.AsSpan(0, _count)));
            _count = 0;
        }
    }
}
