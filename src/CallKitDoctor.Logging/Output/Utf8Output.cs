using System.Buffers;
using System.Buffers.Text;
using System.Text;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// A buffered UTF-8 sink over a stream: text and numbers are encoded straight into one reused byte buffer, which is
/// written to the stream when it fills. Also an <see cref="IBufferWriter{T}"/> so a <c>Utf8JsonWriter</c> can write
/// into the same buffer.
/// </summary>
public sealed class Utf8Output : IBufferWriter<byte>
{
    private const int FlushThreshold = 48 * 1024;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;

    // The boot, process and sender UUIDs repeat on every entry: their text is kept in a small table by hash.
    private const int UuidSlots = 16;
    private readonly Guid[] _uuidKeys = new Guid[UuidSlots];
    private readonly byte[] _uuidText = new byte[UuidSlots * 36];

    public Utf8Output(Stream stream) => _stream = stream;

    /// <summary>Bytes written to the stream so far (the buffered tail excluded).</summary>
    public long BytesFlushed { get; private set; }

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 256));
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 256));
        return _buffer.AsSpan(_length);
    }

    /// <summary>Writes the buffer out once it holds more than a threshold (call between entries).</summary>
    public void FlushIfFull()
    {
        if (_length >= FlushThreshold)
        {
            Flush();
        }
    }

    /// <summary>Writes everything buffered to the stream and flushes it.</summary>
    public void Flush()
    {
        if (_length > 0)
        {
            _stream.Write(_buffer, 0, _length);
            BytesFlushed += _length;
            _length = 0;
        }

        _stream.Flush();
    }

    public void Write(ReadOnlySpan<byte> utf8)
    {
        Ensure(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    public void Write(byte b)
    {
        Ensure(1);
        _buffer[_length++] = b;
    }

    public void Write(ReadOnlySpan<char> text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    /// <summary>Writes <paramref name="text"/> and pads it with spaces to <paramref name="width"/> characters (at least one space follows).</summary>
    public void WritePadded(ReadOnlySpan<char> text, int width)
    {
        Write(text);
        Spaces(Math.Max(1, width - text.Length));
    }

    public void Spaces(int count)
    {
        Ensure(count);
        _buffer.AsSpan(_length, count).Fill((byte)' ');
        _length += count;
    }

    public void WriteDecimal(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    public void WriteDecimal(ulong value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    /// <summary>Writes <paramref name="text"/> as a quoted JSON string, escaped as <c>log</c> does (see <see cref="JsonStringText"/>).</summary>
    public void WriteJsonString(ReadOnlySpan<char> text)
    {
        Ensure(JsonStringText.MaxBytes(text.Length) + 2);
        _buffer[_length++] = (byte)'"';
        _length += JsonStringText.Write(text, _buffer.AsSpan(_length));
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>Writes bytes that are already an escaped JSON string's content between quotes.</summary>
    public void WriteQuoted(ReadOnlySpan<byte> escaped)
    {
        Ensure(escaped.Length + 2);
        _buffer[_length++] = (byte)'"';
        escaped.CopyTo(_buffer.AsSpan(_length));
        _length += escaped.Length;
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>Writes a quoted JSON string through <paramref name="cache"/> (for strings that repeat as the same instance).</summary>
    internal void WriteJsonString(string? text, Utf8StringCache cache)
    {
        if (string.IsNullOrEmpty(text))
        {
            Write("\"\""u8);
            return;
        }

        var bytes = cache.GetOrAdd(text, out var cached);
        if (!cached)
        {
            WriteJsonString(text.AsSpan());
            return;
        }

        Ensure(bytes.Length + 2);
        _buffer[_length++] = (byte)'"';
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>Writes a decimal number padded with spaces to <paramref name="width"/> (at least one space follows).</summary>
    public void WriteDecimalPadded(long value, int width)
    {
        var start = _length;
        WriteDecimal(value);
        Spaces(Math.Max(1, width - (_length - start)));
    }

    /// <summary>Writes lower-case hexadecimal, with a <c>0x</c> prefix when asked; padded to <paramref name="width"/> when positive.</summary>
    public void WriteHex(ulong value, bool prefix, int width = 0)
    {
        var start = _length;
        Ensure(18);
        if (prefix)
        {
            _buffer[_length++] = (byte)'0';
            _buffer[_length++] = (byte)'x';
        }

        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written, new StandardFormat('x'));
        _length += written;
        if (width > 0)
        {
            Spaces(Math.Max(1, width - (_length - start)));
        }
    }

    /// <summary>Writes a timestamp as <c>log</c> prints it (see <see cref="TimestampText"/>).</summary>
    public void WriteTimestamp(LogTimestamp time, int fractionDigits, bool withOffset)
    {
        Ensure(TimestampText.MaxLength);
        _length += TimestampText.Format(time, _buffer.AsSpan(_length), fractionDigits, withOffset);
    }

    /// <summary>Writes a UUID in upper case with hyphens, as <c>log</c> prints it (the text of recent UUIDs is reused).</summary>
    public void WriteUuid(Guid uuid)
    {
        Ensure(36);
        var slot = uuid.GetHashCode() & (UuidSlots - 1);
        var text = _uuidText.AsSpan(slot * 36, 36);
        if (_uuidKeys[slot] != uuid || text[0] == 0)
        {
            TimestampText.FormatUuid(uuid, text);
            _uuidKeys[slot] = uuid;
        }

        text.CopyTo(_buffer.AsSpan(_length));
        _length += 36;
    }

    public void NewLine() => Write((byte)'\n');

    private void Ensure(int count)
    {
        if (_buffer.Length - _length >= count)
        {
            return;
        }

        if (_length > 0)
        {
            _stream.Write(_buffer, 0, _length);
            BytesFlushed += _length;
            _length = 0;
        }

        if (_buffer.Length < count)
        {
            _buffer = new byte[Math.Max(count, _buffer.Length * 2)];
        }
    }
}
