using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// <c>log show --style syslog</c>: <c>2025-10-23 16:00:39.916170+1100  localhost process[pid]: (Library) [sub:cat] message</c>
/// under <c>Timestamp                       (process)[PID]</c>.
/// </summary>
public sealed class SyslogEntryWriter : LogEntryWriter
{
    /// <summary>The header line, byte for byte as <c>log</c> prints it (four trailing spaces included).</summary>
    public const string Header = "Timestamp                       (process)[PID]    ";

    public SyslogEntryWriter(Stream output)
        : base(output)
    {
    }

    public override LogOutputStyle Style => LogOutputStyle.Syslog;

    protected override void WriteStart()
    {
        Output.Write(Header);
        Output.NewLine();
    }

    protected override void WriteEntry(LogEntry entry)
    {
        if (entry.Timestamp is { } time)
        {
            Output.WriteTimestamp(time, 6, withOffset: true);
        }
        else
        {
            Output.Spaces(31);
        }

        Output.Write("  localhost "u8);
        Output.Write(entry.Process);
        Output.Write((byte)'[');
        Output.WriteDecimal(entry.ProcessId ?? 0);
        Output.Write("]: "u8);
        WriteDecoratedMessage(entry, withProcess: false);
    }
}
