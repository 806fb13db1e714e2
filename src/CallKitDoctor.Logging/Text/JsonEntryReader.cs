using System.Text;
using System.Text.Json;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Streams the entries of a <c>log show --style json</c> array or an ndjson file with <see cref="Utf8JsonReader"/> over a
/// reused buffer: each top-level object (or array element) is located, then parsed on its own. The array is never
/// loaded whole. Invalid or truncated JSON ends the array with an issue naming the byte offset; in ndjson the reader
/// resynchronises at the next line.
/// </summary>
internal sealed class JsonEntryReader : IDisposable
{
    /// <summary>Largest single JSON entry read (16 MiB).</summary>
    public const int MaxObjectBytes = 16 * 1024 * 1024;

    private static readonly JsonReaderOptions Options = new()
    {
        AllowMultipleValues = true,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Stream _stream;
    private readonly string _name;
    private readonly LogReadSummary _summary;
    private readonly JsonEntryParser _parser;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private long _bytesBeforeBuffer;
    private long _newlinesBeforeStart;
    private bool _eof;
    private bool _done;
    private bool _sawArray;
    private bool _skipToNewline;
    private byte _lastByte;
    private JsonReaderState _state = new(Options);

    public JsonEntryReader(Stream stream, string name, LogReadSummary summary, StringPool pool)
    {
        _stream = stream;
        _name = name;
        _summary = summary;
        _parser = new JsonEntryParser(pool);
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _bytesBeforeBuffer + _end;

    /// <summary>Text lines in the input read so far (newlines, plus a last line without one).</summary>
    public long Lines => _newlinesBeforeStart + (_done && _lastByte is not (byte)'\n' and not 0 ? 1 : 0);

    /// <summary>The next entry, or null at the end of the input.</summary>
    public LogEntry? Next()
    {
        while (!_done)
        {
            var status = TryNext(out var entry);
            if (status == Status.Entry)
            {
                if (entry is not null)
                {
                    return entry;
                }

                continue;
            }

            if (status == Status.NeedMore && !Fill())
            {
                StopAndCount();
            }
        }

        return null;
    }

    private enum Status
    {
        Entry,
        NeedMore,
    }

    private Status TryNext(out LogEntry? entry)
    {
        entry = null;
        var data = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(data, _eof, _state);
        try
        {
            while (true)
            {
                var before = reader.BytesConsumed;
                var stateBefore = reader.CurrentState;
                if (!reader.Read())
                {
                    Commit(data, (int)reader.BytesConsumed, reader.CurrentState);
                    if (_eof)
                    {
                        _done = true;
                        return Status.Entry;
                    }

                    return Status.NeedMore;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray when reader.CurrentDepth == 0:
                        _sawArray = true;
                        continue;
                    case JsonTokenType.EndArray when reader.CurrentDepth == 0:
                        continue;
                    case JsonTokenType.StartObject when reader.CurrentDepth == (_sawArray ? 1 : 0):
                        var objectStart = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            Commit(data, (int)before, stateBefore);
                            return _eof ? Truncated(objectStart) : Status.NeedMore;
                        }

                        var objectEnd = (int)reader.BytesConsumed;
                        entry = ParseObject(data, objectStart, objectEnd);
                        Commit(data, objectEnd, reader.CurrentState);
                        return Status.Entry;
                    default:
                        // A stray value at top level: skip it.
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            Commit(data, (int)before, stateBefore);
                            return _eof ? Truncated((int)before) : Status.NeedMore;
                        }

                        continue;
                }
            }
        }
        catch (JsonException ex)
        {
            var at = _bytesBeforeBuffer + _start + reader.BytesConsumed;
            return Invalid(data, (int)reader.BytesConsumed, at, ex.Message);
        }
    }

    private Status Truncated(int objectStart)
    {
        var at = _bytesBeforeBuffer + _start + objectStart;
        _summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, _name,
            "JSON ends in the middle of an entry (truncated file?); entries before it were read", LineAt(objectStart), at));
        StopAndCount();
        return Status.Entry;
    }

    private Status Invalid(ReadOnlySpan<byte> data, int consumed, long at, string detail)
    {
        var what = _eof ? "invalid or truncated JSON" : "invalid JSON";
        _summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, _name, $"{what}: {FirstSentence(detail)}", LineAt(consumed), at));
        if (_sawArray)
        {
            StopAndCount();
            return Status.Entry;
        }

        // ndjson: skip to the next line and start afresh.
        var newline = data[consumed..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            _summary.AddUnparsedLine(LineAt(consumed));
            if (_eof)
            {
                StopAndCount();
                return Status.Entry;
            }

            _state = new JsonReaderState(Options);
            _skipToNewline = true;
            return Status.NeedMore;
        }

        _summary.AddUnparsedLine(LineAt(consumed));
        Commit(data, consumed + newline + 1, new JsonReaderState(Options));
        return Status.Entry;
    }

    /// <summary>Stops reading entries but counts the lines and bytes of the rest of the input.</summary>
    private void StopAndCount()
    {
        _done = true;
        while (true)
        {
            _newlinesBeforeStart += _buffer.AsSpan(_start, _end - _start).Count((byte)'\n');
            _bytesBeforeBuffer += _end;
            _start = 0;
            _end = 0;
            if (_eof)
            {
                return;
            }

            var read = SafeRead();
            if (read <= 0)
            {
                _eof = true;
                return;
            }

            _lastByte = _buffer[read - 1];
            _end = read;
        }
    }

    private LogEntry? ParseObject(ReadOnlySpan<byte> data, int start, int end)
    {
        var first = LineAt(start);
        var last = first + data[start..end].Count((byte)'\n');
        var location = InputLocation.Lines(_name, first, last);
        try
        {
            return _parser.Parse(data[start..end], location);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or FormatException or ArgumentException)
        {
            _summary.AddUnparsedLine(first);
            _summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, _name, $"unreadable JSON entry: {FirstSentence(ex.Message)}",
                first, _bytesBeforeBuffer + _start + start));
            var raw = Encoding.UTF8.GetString(data[start..end]);
            return new LogEntry(raw) { Location = location, RawText = raw };
        }
    }

    private long LineAt(int offsetInData) =>
        _newlinesBeforeStart + _buffer.AsSpan(_start, Math.Min(offsetInData, _end - _start)).Count((byte)'\n') + 1;

    private void Commit(ReadOnlySpan<byte> data, int consumed, JsonReaderState state)
    {
        _newlinesBeforeStart += data[..consumed].Count((byte)'\n');
        _start += consumed;
        _state = state;
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_skipToNewline)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _newlinesBeforeStart += 1;
                _start += newline + 1;
                _skipToNewline = false;
                return true;
            }

            _start = _end;
        }

        if (_start > 0)
        {
            var tail = _end - _start;
            _buffer.AsSpan(_start, tail).CopyTo(_buffer);
            _bytesBeforeBuffer += _start;
            _start = 0;
            _end = tail;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxObjectBytes)
            {
                _summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, _name,
                    $"a JSON entry is larger than {MaxObjectBytes} bytes; reading stopped", LineAt(0), _bytesBeforeBuffer));
                _done = true;
                return false;
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = SafeRead();
        if (read <= 0)
        {
            _eof = true;
            return true;
        }

        _lastByte = _buffer[_end + read - 1];
        _end += read;
        return true;
    }

    private static string FirstSentence(string text)
    {
        var dot = text.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? text[..dot] : text;
    }

    /// <summary>The error that ended reading early (corrupt compressed data, an I/O failure), if any.</summary>
    public string? ReadError { get; private set; }

    private int SafeRead()
    {
        try
        {
            return _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            ReadError = ex.Message;
            return 0;
        }
    }

    public void Dispose() => _stream.Dispose();
}
