using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// The default <c>log show</c> style: fixed columns (timestamp 31+1, thread 10+1, type 11+1, activity 20+1, PID 6+1,
/// TTL 4+1) then <c>process: (Library) [subsystem:category] message</c>, and the footer summary.
/// </summary>
public sealed class DefaultEntryWriter : LogEntryWriter
{
    /// <summary>The header line, byte for byte as <c>log</c> prints it (trailing spaces included).</summary>
    public const string Header = "Timestamp                       Thread     Type        Activity             PID    TTL  ";

    /// <summary>The column where the message part starts.</summary>
    public const int MessageColumn = 88;

    public DefaultEntryWriter(Stream output)
        : base(output)
    {
    }

    public override LogOutputStyle Style => LogOutputStyle.Default;

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
            Output.Spaces(1);
        }
        else
        {
            Output.Spaces(32);
        }

        Output.WriteHex((ulong)(entry.ThreadId ?? 0), prefix: true, width: 11);
        Output.WritePadded(TypeWord(entry), 12);
        Output.WriteHex(entry.ActivityIdentifier ?? 0, prefix: true, width: 21);
        Output.WriteDecimalPadded(entry.ProcessId ?? 0, 7);
        Output.WriteDecimalPadded(0, 5);
        WriteDecoratedMessage(entry, withProcess: true);
    }

    protected override void WriteEnd()
    {
        Output.Write(new string('-', 116));
        Output.NewLine();
        Output.Write("Log      - "u8);
        Field("Default:", Tally.Count(LogLevel.Default), 19, last: false);
        Field("Info:", Tally.Count(LogLevel.Info), 22, last: false);
        Field("Debug:", Tally.Count(LogLevel.Debug), 20, last: false);
        Field("Error:", Tally.Count(LogLevel.Error), 17, last: false);
        Field("Fault:", Tally.Count(LogLevel.Fault), 17, last: true);
        Output.Write("Activity - "u8);
        Field("Create:", Tally.Count(LogEventType.ActivityCreateEvent), 19, last: false);
        Field("Transition:", Tally.Count(LogEventType.ActivityTransitionEvent), 22, last: false);
        Field("Actions:", Tally.Count(LogEventType.UserActionEvent), 20, last: true);
    }

    /// <summary>The Type column word: the level for log events, else the event kind.</summary>
    internal static string TypeWord(LogEntry entry) => entry.EventType switch
    {
        LogEventType.ActivityCreateEvent => "Activity",
        LogEventType.ActivityTransitionEvent => "Activity",
        LogEventType.UserActionEvent => "UserAction",
        LogEventType.SignpostEvent => "Signpost",
        LogEventType.StateEvent => "State",
        LogEventType.LossEvent => "Loss",
        LogEventType.TimesyncEvent => "Timesync",
        LogEventType.TraceEvent when entry.Level == LogLevel.Unknown => "Trace",
        _ => entry.Level switch
        {
            LogLevel.Info => "Info",
            LogLevel.Debug => "Debug",
            LogLevel.Error => "Error",
            LogLevel.Fault => "Fault",
            _ => "Default",
        },
    };

    private void Field(string label, long count, int width, bool last)
    {
        Output.Write(label);
        var digits = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Output.Spaces(Math.Max(1, width - label.Length - digits.Length));
        Output.Write(digits);
        if (last)
        {
            Output.NewLine();
        }
        else
        {
            Output.Write(", "u8);
        }
    }
}
