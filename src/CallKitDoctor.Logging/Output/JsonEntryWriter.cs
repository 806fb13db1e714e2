using System.Text.Encodings.Web;
using System.Text.Json;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// <c>log show --style ndjson</c> (one object per line, then <c>{"count":N,"finished":1}</c>) or <c>--style json</c>
/// (an indented array). Fields in <c>log</c>'s order: <c>traceID eventMessage eventType source formatString
/// activityIdentifier subsystem category threadID senderImageUUID backtrace bootUUID processImagePath timestamp
/// senderImagePath machTimestamp messageType processImageUUID processID senderProgramCounter parentActivityIdentifier
/// timezoneName</c>; unknown strings are written empty and unknown numbers 0, as <c>log</c> does.
/// </summary>
public sealed class JsonEntryWriter : LogEntryWriter
{
    private static readonly JsonEncodedText TraceId = JsonEncodedText.Encode("traceID");
    private static readonly JsonEncodedText EventMessage = JsonEncodedText.Encode("eventMessage");
    private static readonly JsonEncodedText EventType = JsonEncodedText.Encode("eventType");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText FormatString = JsonEncodedText.Encode("formatString");
    private static readonly JsonEncodedText ActivityIdentifier = JsonEncodedText.Encode("activityIdentifier");
    private static readonly JsonEncodedText Subsystem = JsonEncodedText.Encode("subsystem");
    private static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText ThreadId = JsonEncodedText.Encode("threadID");
    private static readonly JsonEncodedText SenderImageUuid = JsonEncodedText.Encode("senderImageUUID");
    private static readonly JsonEncodedText Backtrace = JsonEncodedText.Encode("backtrace");
    private static readonly JsonEncodedText Frames = JsonEncodedText.Encode("frames");
    private static readonly JsonEncodedText ImageOffset = JsonEncodedText.Encode("imageOffset");
    private static readonly JsonEncodedText ImageUuid = JsonEncodedText.Encode("imageUUID");
    private static readonly JsonEncodedText BootUuid = JsonEncodedText.Encode("bootUUID");
    private static readonly JsonEncodedText ProcessImagePath = JsonEncodedText.Encode("processImagePath");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText SenderImagePath = JsonEncodedText.Encode("senderImagePath");
    private static readonly JsonEncodedText MachTimestamp = JsonEncodedText.Encode("machTimestamp");
    private static readonly JsonEncodedText MessageType = JsonEncodedText.Encode("messageType");
    private static readonly JsonEncodedText ProcessImageUuid = JsonEncodedText.Encode("processImageUUID");
    private static readonly JsonEncodedText ProcessId = JsonEncodedText.Encode("processID");
    private static readonly JsonEncodedText SenderProgramCounter = JsonEncodedText.Encode("senderProgramCounter");
    private static readonly JsonEncodedText ParentActivityIdentifier = JsonEncodedText.Encode("parentActivityIdentifier");
    private static readonly JsonEncodedText TimezoneName = JsonEncodedText.Encode("timezoneName");

    private readonly bool _asArray;
    private readonly Utf8JsonWriter _json;

    public JsonEntryWriter(Stream output, bool asArray)
        : base(output)
    {
        _asArray = asArray;
        _json = new Utf8JsonWriter(Output, new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = asArray,
            SkipValidation = true,
        });
    }

    public override LogOutputStyle Style => _asArray ? LogOutputStyle.Json : LogOutputStyle.Ndjson;

    protected override void WriteStart()
    {
        if (_asArray)
        {
            Output.Write("[\n"u8);
        }
    }

    protected override void WriteEntry(LogEntry entry)
    {
        if (_asArray && Tally.Total > 0)
        {
            Output.Write(",\n"u8);
        }

        var json = _json;
        json.WriteStartObject();
        json.WriteNumber(TraceId, entry.TraceId ?? 0);
        json.WriteString(EventMessage, entry.EventMessage);
        json.WriteString(EventType, entry.EventType.ToNdjsonName());
        json.WriteNull(Source);
        json.WriteString(FormatString, entry.FormatString ?? "");
        json.WriteNumber(ActivityIdentifier, entry.ActivityIdentifier ?? 0);
        json.WriteString(Subsystem, entry.Subsystem ?? "");
        json.WriteString(Category, entry.Category ?? "");
        json.WriteNumber(ThreadId, entry.ThreadId ?? 0);
        WriteUuid(json, SenderImageUuid, entry.SenderImageUuid);
        json.WriteStartObject(Backtrace);
        json.WriteStartArray(Frames);
        if (entry.SenderImageUuid is { } sender)
        {
            json.WriteStartObject();
            json.WriteNumber(ImageOffset, entry.SenderProgramCounter ?? 0);
            WriteUuid(json, ImageUuid, sender);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        WriteUuid(json, BootUuid, entry.BootUuid);
        json.WriteString(ProcessImagePath, entry.ProcessImagePath ?? "");
        Span<byte> time = stackalloc byte[TimestampText.MaxLength];
        var timeLength = entry.Timestamp is { } t ? TimestampText.Format(t, time, 6, withOffset: true) : 0;
        json.WriteString(Timestamp, time[..timeLength]);
        json.WriteString(SenderImagePath, entry.SenderImagePath ?? "");
        json.WriteNumber(MachTimestamp, entry.MachTimestamp ?? 0);
        json.WriteString(MessageType, entry.Level.ToNdjsonName());
        WriteUuid(json, ProcessImageUuid, entry.ProcessImageUuid);
        json.WriteNumber(ProcessId, entry.ProcessId ?? 0);
        json.WriteNumber(SenderProgramCounter, entry.SenderProgramCounter ?? 0);
        json.WriteNumber(ParentActivityIdentifier, entry.ParentActivityIdentifier ?? 0);
        json.WriteString(TimezoneName, entry.TimeZoneName ?? "");
        json.WriteEndObject();
        json.Flush();
        json.Reset();
        if (!_asArray)
        {
            Output.NewLine();
        }
    }

    protected override void WriteEnd()
    {
        if (_asArray)
        {
            Output.Write(Tally.Total > 0 ? "\n]\n"u8 : "]\n"u8);
            return;
        }

        Output.Write("{\"count\":"u8);
        Output.WriteDecimal(Tally.Total);
        Output.Write(",\"finished\":1}\n"u8);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _json.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void WriteUuid(Utf8JsonWriter json, JsonEncodedText name, Guid? uuid)
    {
        Span<byte> text = stackalloc byte[36];
        var length = uuid is { } u ? TimestampText.FormatUuid(u, text) : 0;
        json.WriteString(name, text[..length]);
    }
}
