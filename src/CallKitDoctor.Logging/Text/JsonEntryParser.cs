using System.Text;
using System.Text.Json;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Turns one complete <c>log show --style json/ndjson</c> object into a <see cref="LogEntry"/>. Unknown properties and
/// nested values (<c>backtrace</c>) are skipped; the trailing <c>{"count":N,"finished":1}</c> record gives null.
/// </summary>
internal sealed class JsonEntryParser
{
    private readonly StringPool _pool;
    private char[] _chars = new char[256];

    public JsonEntryParser(StringPool pool) => _pool = pool;

    /// <summary>Parses the object in <paramref name="json"/>; null when it is a summary record, not an entry.</summary>
    public LogEntry? Parse(ReadOnlySpan<byte> json, InputLocation location)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        reader.Read();
        string? message = null, format = null, processPath = null, senderPath = null, subsystem = null, category = null, zone = null;
        LogTimestamp? timestamp = null;
        int? pid = null;
        long? tid = null;
        ulong? trace = null, mach = null, activity = null, parent = null, pc = null;
        Guid? boot = null, processUuid = null, senderUuid = null;
        var level = LogLevel.Unknown;
        var type = LogEventType.Unknown;
        var isSummary = false;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            if (escaped)
            {
                continue;
            }

            switch (name.Length)
            {
                case 5 when name.SequenceEqual("count"u8):
                    isSummary = true;
                    break;
                case 8 when name.SequenceEqual("finished"u8):
                    isSummary = true;
                    break;
                case 8 when name.SequenceEqual("threadID"u8):
                    tid = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var t) ? t : null;
                    break;
                case 8 when name.SequenceEqual("category"u8):
                    category = PooledString(ref reader);
                    break;
                case 9 when name.SequenceEqual("timestamp"u8):
                    timestamp = Timestamp(ref reader);
                    break;
                case 9 when name.SequenceEqual("subsystem"u8):
                    subsystem = PooledString(ref reader);
                    break;
                case 9 when name.SequenceEqual("processID"u8):
                    pid = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var p) ? p : null;
                    break;
                case 9 when name.SequenceEqual("eventType"u8):
                    type = LogEntryNames.ParseEventType(Chars(ref reader));
                    break;
                case 7 when name.SequenceEqual("traceID"u8):
                    trace = Unsigned(ref reader);
                    break;
                case 8 when name.SequenceEqual("bootUUID"u8):
                    boot = Uuid(ref reader);
                    break;
                case 11 when name.SequenceEqual("messageType"u8):
                    level = LogEntryNames.ParseLevel(Chars(ref reader));
                    break;
                case 12 when name.SequenceEqual("eventMessage"u8):
                    message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case 12 when name.SequenceEqual("formatString"u8):
                    format = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case 12 when name.SequenceEqual("timezoneName"u8):
                    zone = PooledString(ref reader);
                    break;
                case 13 when name.SequenceEqual("machTimestamp"u8):
                    mach = Unsigned(ref reader);
                    break;
                case 15 when name.SequenceEqual("senderImagePath"u8):
                    senderPath = PooledString(ref reader);
                    break;
                case 15 when name.SequenceEqual("senderImageUUID"u8):
                    senderUuid = Uuid(ref reader);
                    break;
                case 16 when name.SequenceEqual("processImagePath"u8):
                    processPath = PooledString(ref reader);
                    break;
                case 16 when name.SequenceEqual("processImageUUID"u8):
                    processUuid = Uuid(ref reader);
                    break;
                case 18 when name.SequenceEqual("activityIdentifier"u8):
                    activity = Unsigned(ref reader);
                    break;
                case 20 when name.SequenceEqual("senderProgramCounter"u8):
                    pc = Unsigned(ref reader);
                    break;
                case 24 when name.SequenceEqual("parentActivityIdentifier"u8):
                    parent = Unsigned(ref reader);
                    break;
            }
        }

        if (isSummary && message is null && timestamp is null)
        {
            return null;
        }

        message ??= string.Empty;
        return new LogEntry(message)
        {
            Timestamp = timestamp,
            ProcessImagePath = processPath,
            ProcessId = pid,
            ThreadId = tid,
            SenderImagePath = senderPath,
            Sender = senderPath is null ? null : _pool.GetOrNull(LastPathComponent(senderPath)),
            Subsystem = subsystem,
            Category = category,
            Level = level,
            EventType = type,
            FormatString = format,
            ActivityIdentifier = activity,
            ParentActivityIdentifier = parent,
            TraceId = trace,
            MachTimestamp = mach,
            SenderProgramCounter = pc,
            BootUuid = boot,
            ProcessImageUuid = processUuid,
            SenderImageUuid = senderUuid,
            TimeZoneName = zone,
            SourceLocation = SourceLocationScanner.Find(message, _pool),
            Location = location,
            RawText = Encoding.UTF8.GetString(json),
        };
    }

    private static ReadOnlySpan<char> LastPathComponent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path.AsSpan(slash + 1) : path;
    }

    private ReadOnlySpan<char> Chars(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return [];
        }

        var needed = reader.ValueSpan.Length;
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var written = reader.CopyString(_chars);
        return _chars.AsSpan(0, written);
    }

    private string? PooledString(ref Utf8JsonReader reader) => _pool.GetOrNull(Chars(ref reader));

    private LogTimestamp? Timestamp(ref Utf8JsonReader reader)
    {
        var text = Chars(ref reader);
        return TimestampParser.Parse(text, out var time) > 0 && time.HasDate
            ? new LogTimestamp(new DateTime(time.Ticks), time.Offset, true, time.SubTickNanoseconds)
            : null;
    }

    private Guid? Uuid(ref Utf8JsonReader reader) => Guid.TryParse(Chars(ref reader), out var g) ? g : null;

    private static ulong? Unsigned(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return null;
        }

        if (reader.TryGetUInt64(out var u))
        {
            return u;
        }

        return reader.TryGetInt64(out var s) ? unchecked((ulong)s) : null;
    }
}
