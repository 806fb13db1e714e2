using System.Text;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// <c>log show --style ndjson</c> (one compact object per line, then <c>{"count":N,"finished":1}</c>) or
/// <c>--style json</c> (<c>[{</c>, two-space indented members written <c>"name" : value</c>, <c>},{</c> between
/// entries, <c>}]</c> at the end), both as NSJSONSerialization writes them: <c>/</c> escaped as <c>\/</c>. Fields in
/// <c>log</c>'s order: <c>traceID eventMessage eventType source formatString activityIdentifier subsystem category
/// threadID senderImageUUID backtrace bootUUID processImagePath timestamp senderImagePath machTimestamp messageType
/// processImageUUID processID senderProgramCounter parentActivityIdentifier timezoneName</c>; unknown strings are
/// written empty and unknown numbers 0, as <c>log</c> does. Written straight to UTF-8 (no intermediate strings); the
/// escaped bytes of strings that repeat (subsystem, category, paths, format strings) are cached.
/// </summary>
public sealed class JsonEntryWriter : LogEntryWriter
{
    private static readonly FieldName TraceId = new("traceID", first: true);
    private static readonly FieldName EventMessage = new("eventMessage");
    private static readonly FieldName EventType = new("eventType");
    private static readonly FieldName Source = new("source");
    private static readonly FieldName FormatString = new("formatString");
    private static readonly FieldName ActivityIdentifier = new("activityIdentifier");
    private static readonly FieldName Subsystem = new("subsystem");
    private static readonly FieldName Category = new("category");
    private static readonly FieldName ThreadId = new("threadID");
    private static readonly FieldName SenderImageUuid = new("senderImageUUID");
    private static readonly FieldName Backtrace = new("backtrace");
    private static readonly FieldName BootUuid = new("bootUUID");
    private static readonly FieldName ProcessImagePath = new("processImagePath");
    private static readonly FieldName Timestamp = new("timestamp");
    private static readonly FieldName SenderImagePath = new("senderImagePath");
    private static readonly FieldName MachTimestamp = new("machTimestamp");
    private static readonly FieldName MessageType = new("messageType");
    private static readonly FieldName ProcessImageUuid = new("processImageUUID");
    private static readonly FieldName ProcessId = new("processID");
    private static readonly FieldName SenderProgramCounter = new("senderProgramCounter");
    private static readonly FieldName ParentActivityIdentifier = new("parentActivityIdentifier");
    private static readonly FieldName TimezoneName = new("timezoneName");

    private readonly bool _asArray;
    private readonly Utf8StringCache _strings = new();

    // The quoted UTF-8 of each eventType and messageType name, by enum value, made on first use.
    private readonly byte[]?[] _eventTypes = new byte[]?[32];
    private readonly byte[]?[] _levels = new byte[]?[32];

    public JsonEntryWriter(Stream output, bool asArray)
        : base(output)
    {
        _asArray = asArray;
    }

    public override LogOutputStyle Style => _asArray ? LogOutputStyle.Json : LogOutputStyle.Ndjson;

    /// <summary>
    /// Writes one entry given as its fields and its message already escaped (<see cref="JsonStringText.Write"/>, without
    /// the quotes): the unified reader's direct path, which builds no <see cref="LogEntry"/> and escapes on its reading
    /// thread. The same bytes as <see cref="LogEntryWriter.Write"/> of an entry with those fields and that message.
    /// </summary>
    public void WriteEscaped(in EntryFields fields, ReadOnlySpan<byte> escapedMessage)
    {
        BeginEntry();
        WriteFields(fields, default, escapedMessage, escaped: true);
        EndEntry(fields.Level, fields.EventType);
    }

    protected override void WriteEntry(LogEntry entry) => WriteFields(EntryFields.From(entry), entry.EventMessage, default, escaped: false);

    private void WriteFields(in EntryFields entry, ReadOnlySpan<char> message, ReadOnlySpan<byte> escapedMessage, bool escaped)
    {
        var output = Output;
        if (_asArray)
        {
            output.Write(Tally.Total > 0 ? "},"u8 : "["u8);
        }

        Name(TraceId);
        output.WriteDecimal(entry.TraceId ?? 0);
        Name(EventMessage);
        if (escaped)
        {
            output.WriteQuoted(escapedMessage);
        }
        else
        {
            output.WriteJsonString(message);
        }

        Name(EventType);
        Quoted(_eventTypes, (int)entry.EventType, entry.EventType.ToNdjsonName());
        Name(Source);
        output.Write("null"u8);
        Name(FormatString);
        output.WriteJsonString(entry.FormatString, _strings);
        Name(ActivityIdentifier);
        output.WriteDecimal(entry.ActivityIdentifier ?? 0);
        Name(Subsystem);
        output.WriteJsonString(entry.Subsystem, _strings);
        Name(Category);
        output.WriteJsonString(entry.Category, _strings);
        Name(ThreadId);
        output.WriteDecimal(entry.ThreadId ?? 0);
        Name(SenderImageUuid);
        Uuid(entry.SenderImageUuid);
        Name(Backtrace);
        WriteBacktrace(entry);
        Name(BootUuid);
        Uuid(entry.BootUuid);
        Name(ProcessImagePath);
        output.WriteJsonString(entry.ProcessImagePath, _strings);
        Name(Timestamp);
        output.Write((byte)'"');
        if (entry.Timestamp is { } time)
        {
            output.WriteTimestamp(time, 6, withOffset: true);
        }

        output.Write((byte)'"');
        Name(SenderImagePath);
        output.WriteJsonString(entry.SenderImagePath, _strings);
        Name(MachTimestamp);
        output.WriteDecimal(entry.MachTimestamp ?? 0);
        Name(MessageType);
        Quoted(_levels, (int)entry.Level, entry.Level.ToNdjsonName());
        Name(ProcessImageUuid);
        Uuid(entry.ProcessImageUuid);
        Name(ProcessId);
        output.WriteDecimal(entry.ProcessId ?? 0);
        Name(SenderProgramCounter);
        output.WriteDecimal(entry.SenderProgramCounter ?? 0);
        Name(ParentActivityIdentifier);
        output.WriteDecimal(entry.ParentActivityIdentifier ?? 0);
        Name(TimezoneName);
        output.WriteJsonString(entry.TimeZoneName, _strings);
        if (_asArray)
        {
            output.Write((byte)'\n');
        }
        else
        {
            output.Write("}\n"u8);
        }
    }

    protected override void WriteEnd()
    {
        if (_asArray)
        {
            Output.Write(Tally.Total > 0 ? "}]\n"u8 : "[]\n"u8);
            return;
        }

        Output.Write("{\"count\":"u8);
        Output.WriteDecimal(Tally.Total);
        Output.Write(",\"finished\":1}\n"u8);
    }

    private void Quoted(byte[]?[] table, int index, string name)
    {
        if ((uint)index >= (uint)table.Length)
        {
            Output.WriteJsonString(name, _strings);
            return;
        }

        var quoted = table[index];
        if (quoted is null)
        {
            var escaped = new byte[JsonStringText.MaxBytes(name.Length) + 2];
            var length = JsonStringText.Write(name, escaped.AsSpan(1));
            escaped[0] = (byte)'"';
            escaped[length + 1] = (byte)'"';
            quoted = table[index] = escaped.AsSpan(0, length + 2).ToArray();
        }

        Output.Write(quoted);
    }

    private void Name(FieldName name) => Output.Write(_asArray ? name.Indented : name.Compact);

    private void Uuid(Guid? uuid)
    {
        Output.Write((byte)'"');
        if (uuid is { } u)
        {
            Output.WriteUuid(u);
        }

        Output.Write((byte)'"');
    }

    /// <summary>
    /// <c>{"frames":[{"imageOffset":N,"imageUUID":"…"}]}</c>: the entry's recorded backtrace when it has one, else the
    /// sender frame when the sender image is known, else no frames.
    /// </summary>
    private void WriteBacktrace(in EntryFields entry)
    {
        var output = Output;
        output.Write(_asArray ? "{\n    \"frames\" : ["u8 : "{\"frames\":["u8);
        var written = 0;
        if (entry.Backtrace is { } frames)
        {
            foreach (var frame in frames)
            {
                WriteFrame(frame.ImageOffset, frame.ImageUuid, written++);
            }
        }
        else if (entry.SenderImageUuid is { } sender)
        {
            WriteFrame(entry.SenderProgramCounter ?? 0, sender, written++);
        }

        output.Write(_asArray ? (written == 0 ? "\n\n    ]\n  }"u8 : "\n    ]\n  }"u8) : "]}"u8);
    }

    private void WriteFrame(ulong imageOffset, Guid imageUuid, int index)
    {
        var output = Output;
        if (_asArray)
        {
            output.Write(index == 0 ? "\n      {\n        \"imageOffset\" : "u8 : ",\n      {\n        \"imageOffset\" : "u8);
            output.WriteDecimal(imageOffset);
            output.Write(",\n        \"imageUUID\" : \""u8);
            output.WriteUuid(imageUuid);
            output.Write("\"\n      }"u8);
            return;
        }

        output.Write(index == 0 ? "{\"imageOffset\":"u8 : ",{\"imageOffset\":"u8);
        output.WriteDecimal(imageOffset);
        output.Write(",\"imageUUID\":\""u8);
        output.WriteUuid(imageUuid);
        output.Write("\"}"u8);
    }

    /// <summary>A member name as written before its value in both layouts (with the comma that separates it from the previous member).</summary>
    private sealed class FieldName(string name, bool first = false)
    {
        public byte[] Compact { get; } = Encoding.ASCII.GetBytes((first ? "{\"" : ",\"") + name + "\":");

        public byte[] Indented { get; } = Encoding.ASCII.GetBytes((first ? "{\n  \"" : ",\n  \"") + name + "\" : ");
    }
}
