using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// <c>log show --style compact</c>: <c>2025-10-23 16:00:39.916 Df process[pid:tid] (Library) [sub:cat] message</c>
/// (milliseconds, no offset, thread id in hexadecimal without prefix), under <c>Timestamp               Ty Process[PID:TID]</c>.
/// </summary>
public sealed class CompactEntryWriter : LogEntryWriter
{
    /// <summary>The header line.</summary>
    public const string Header = "Timestamp               Ty Process[PID:TID]";

    public CompactEntryWriter(Stream output)
        : base(output)
    {
    }

    public override LogOutputStyle Style => LogOutputStyle.Compact;

    protected override void WriteStart()
    {
        Output.Write(Header);
        Output.NewLine();
    }

    protected override void WriteEntry(LogEntry entry)
    {
        if (entry.Timestamp is { } time)
        {
            Output.WriteTimestamp(time, 3, withOffset: false);
        }
        else
        {
            Output.Spaces(23);
        }

        Output.Spaces(1);
        Output.Write(TypeCode(entry));
        Output.Spaces(1);
        Output.Write(entry.Process);
        Output.Write((byte)'[');
        Output.WriteDecimal(entry.ProcessId ?? 0);
        Output.Write((byte)':');
        Output.WriteHex((ulong)(entry.ThreadId ?? 0), prefix: false);
        Output.Write("] "u8);
        WriteDecoratedMessage(entry, withProcess: false);
    }

    /// <summary>
    /// The two-column type code <c>log</c> prints: <c>Df</c>, <c>I </c>, <c>Db</c>, <c>E </c>, <c>F </c> for the log levels
    /// (<c>Df</c>, <c>I </c> and <c>E </c> as real <c>log show --style compact</c> output prints them), <c>A </c> for
    /// activities and user actions, <c>S </c> for signposts; other events by their level.
    /// </summary>
    internal static ReadOnlySpan<byte> TypeCode(LogEntry entry) => entry.EventType switch
    {
        LogEventType.ActivityCreateEvent or LogEventType.ActivityTransitionEvent or LogEventType.UserActionEvent => "A "u8,
        LogEventType.SignpostEvent => "S "u8,
        _ => entry.Level switch
        {
            LogLevel.Info => "I "u8,
            LogLevel.Debug => "Db"u8,
            LogLevel.Error => "E "u8,
            LogLevel.Fault => "F "u8,
            _ => "Df"u8,
        },
    };
}
