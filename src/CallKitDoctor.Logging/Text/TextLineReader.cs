using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Reads UTF-8 text lines from a stream with reused buffers: splits on '\n' (dropping a trailing '\r'), decodes each
/// line with invalid bytes replaced by U+FFFD, and cuts lines longer than <see cref="MaxLineBytes"/> (the rest of such a
/// line is skipped). Memory stays bounded whatever the input.
/// </summary>
internal sealed class TextLineReader : IDisposable
{
    /// <summary>The longest line kept (1 MiB); longer lines are cut.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private readonly Stream _stream;
    private byte[] _bytes = new byte[64 * 1024];
    private char[] _chars = new char[4 * 1024];
    private int _start;
    private int _end;
    private long _bytesBeforeBuffer;
    private bool _eof;
    private bool _skippingRestOfLine;
    private bool _atStart = true;
    private int _charLength;

    public TextLineReader(Stream stream) => _stream = stream;

    /// <summary>The current line (valid until the next <see cref="ReadLine"/>).</summary>
    public ReadOnlySpan<char> Line => _chars.AsSpan(0, _charLength);

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset of the current line in the input.</summary>
    public long LineByteOffset { get; private set; }

    /// <summary>Bytes consumed so far.</summary>
    public long BytesRead => _bytesBeforeBuffer + _start;

    /// <summary>True when the current line was longer than <see cref="MaxLineBytes"/> and was cut.</summary>
    public bool LineWasCut { get; private set; }

    /// <summary>Moves to the next line; false at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ReadLine()
    {
        LineWasCut = false;
        while (true)
        {
            var available = _bytes.AsSpan(_start, _end - _start);
            if (_skippingRestOfLine)
            {
                var skipTo = available.IndexOf((byte)'\n');
                if (skipTo >= 0)
                {
                    _start += skipTo + 1;
                    _skippingRestOfLine = false;
                    continue;
                }

                _start = _end;
                if (!Fill())
                {
                    return false;
                }

                continue;
            }

            if (_atStart && (available.Length >= 3 || _eof))
            {
                _atStart = false;
                if (available.StartsWith("\xEF\xBB\xBF"u8))
                {
                    _start += 3;
                    continue;
                }
            }

            var newline = available.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Emit(available[..newline], newline + 1);
                return true;
            }

            if (available.Length >= MaxLineBytes)
            {
                Emit(available[..MaxLineBytes], MaxLineBytes);
                LineWasCut = true;
                _skippingRestOfLine = true;
                return true;
            }

            if (_eof)
            {
                if (available.IsEmpty)
                {
                    return false;
                }

                Emit(available, available.Length);
                return true;
            }

            Fill();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(ReadOnlySpan<byte> lineBytes, int consumed)
    {
        LineNumber++;
        _atStart = false;
        LineByteOffset = _bytesBeforeBuffer + _start;
        if (!lineBytes.IsEmpty && lineBytes[^1] == (byte)'\r')
        {
            lineBytes = lineBytes[..^1];
        }

        if (_chars.Length < lineBytes.Length)
        {
            _chars = new char[Math.Max(lineBytes.Length, _chars.Length * 2)];
        }

        Utf8.ToUtf16(lineBytes, _chars, out _, out _charLength, replaceInvalidSequences: true);
        _start += consumed;
    }

    /// <summary>Reads more bytes, keeping the unread tail; false when nothing more could be read.</summary>
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            var tail = _end - _start;
            _bytes.AsSpan(_start, tail).CopyTo(_bytes);
            _bytesBeforeBuffer += _start;
            _start = 0;
            _end = tail;
        }

        if (_end == _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Min(_bytes.Length * 2, MaxLineBytes + (64 * 1024)));
        }

        var read = SafeRead();
        if (read <= 0)
        {
            _eof = true;
            return _end > _start;
        }

        _end += read;
        return true;
    }

    /// <summary>The error that ended reading early (corrupt compressed data, an I/O failure), if any.</summary>
    public string? ReadError { get; private set; }

    private int SafeRead()
    {
        try
        {
            return _stream.Read(_bytes, _end, _bytes.Length - _end);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            ReadError = ex.Message;
            return 0;
        }
    }

    public void Dispose() => _stream.Dispose();
}
