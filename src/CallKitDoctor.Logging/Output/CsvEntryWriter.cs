using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// Comma-separated values after RFC 4180: a header row of <c>log</c>'s field names, CRLF line ends, and fields holding
/// a comma, quote, CR or LF enclosed in quotes with inner quotes doubled.
/// </summary>
public sealed class CsvEntryWriter : LogEntryWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "timestamp,threadID,messageType,eventType,activityIdentifier,processID,process,sender,subsystem,category,eventMessage";

    public CsvEntryWriter(Stream output)
        : base(output)
    {
    }

    public override LogOutputStyle Style => LogOutputStyle.Csv;

    protected override void WriteStart()
    {
        Output.Write(Header);
        Output.Write("\r\n"u8);
    }

    protected override void WriteEntry(LogEntry entry)
    {
        if (entry.Timestamp is { } time)
        {
            Output.WriteTimestamp(time, 6, withOffset: true);
        }

        Output.Write((byte)',');
        Output.WriteDecimal(entry.ThreadId ?? 0);
        Output.Write((byte)',');
        Output.Write(entry.Level.ToNdjsonName());
        Output.Write((byte)',');
        Output.Write(entry.EventType.ToNdjsonName());
        Output.Write((byte)',');
        Output.WriteDecimal((long)(entry.ActivityIdentifier ?? 0));
        Output.Write((byte)',');
        Output.WriteDecimal(entry.ProcessId ?? 0);
        Output.Write((byte)',');
        Field(entry.Process);
        Output.Write((byte)',');
        Field(entry.Sender);
        Output.Write((byte)',');
        Field(entry.Subsystem);
        Output.Write((byte)',');
        Field(entry.Category);
        Output.Write((byte)',');
        Field(entry.EventMessage);
        Output.Write("\r\n"u8);
    }

    private void Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Output.Write(value);
            return;
        }

        Output.Write((byte)'"');
        var rest = value.AsSpan();
        while (true)
        {
            var quote = rest.IndexOf('"');
            if (quote < 0)
            {
                Output.Write(rest);
                break;
            }

            Output.Write(rest[..(quote + 1)]);
            Output.Write((byte)'"');
            rest = rest[(quote + 1)..];
        }

        Output.Write((byte)'"');
    }
}
