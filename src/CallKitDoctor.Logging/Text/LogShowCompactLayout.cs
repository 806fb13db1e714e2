using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// <c>log show --style compact</c>: <c>2025-10-23 16:00:39.916 Df process[pid:tid] (Library) [subsystem:category] message</c>
/// under the header <c>Timestamp               Ty Process[PID:TID]</c>. The thread id is hexadecimal.
/// </summary>
internal sealed class LogShowCompactLayout : LineLayout
{
    public override LogInputFormat Format => LogInputFormat.LogShowCompact;

    public override LineKind Classify(ReadOnlySpan<char> line, ref LineFields fields)
    {
        var used = TimestampParser.Parse(line, out var time);
        if (used == 0 || !time.HasDate || used + 4 > line.Length || line[used] != ' ' || line[used + 3] != ' ')
        {
            return LogShowPreamble.IsFrameLine(line) ? LineKind.Ignored : LineKind.Unmatched;
        }

        var type = line.Slice(used + 1, 2);
        (fields.Level, fields.EventType) = type switch
        {
            "Df" => (LogLevel.Default, LogEventType.LogEvent),
            "I " or "In" => (LogLevel.Info, LogEventType.LogEvent),
            "Db" => (LogLevel.Debug, LogEventType.LogEvent),
            "E " or "Er" => (LogLevel.Error, LogEventType.LogEvent),
            "F " or "Fa" => (LogLevel.Fault, LogEventType.LogEvent),
            "A " or "Ac" => (LogLevel.Unknown, LogEventType.ActivityCreateEvent),
            "S " or "Sp" => (LogLevel.Unknown, LogEventType.SignpostEvent),
            _ => (LogLevel.Unknown, LogEventType.Unknown),
        };

        var rest = line[(used + 4)..].TrimStart(' ');
        var bracket = ProcessBracket.Parse(rest, 256, allowSpacesInName: true, out var process, out var pid, out _);
        if (bracket == 0)
        {
            return LineKind.Unmatched;
        }

        // The compact style prints the thread id in hex without a prefix.
        var open = rest[..bracket].LastIndexOf(':');
        if (open > 0 && NumberText.TryParseHex(rest[(open + 1)..(bracket - 1)], out var tid))
        {
            fields.ThreadId = (long)tid;
        }

        fields.HasTime = true;
        fields.Time = time;
        fields.Process = process;
        fields.ProcessId = pid;
        MessageDecorations.Parse(bracket < rest.Length ? rest[(bracket + 1)..] : [], ref fields);
        return LineKind.Entry;
    }
}
