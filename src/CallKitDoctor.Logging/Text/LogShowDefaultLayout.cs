using System.Runtime.CompilerServices;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// <c>log show</c> default style: <c>timestamp thread type activity pid ttl process: (Library) [subsystem:category] message</c>
/// under the header <c>Timestamp  Thread  Type  Activity  PID  TTL</c>.
/// </summary>
internal sealed class LogShowDefaultLayout : LineLayout
{
    public override LogInputFormat Format => LogInputFormat.LogShowDefault;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override LineKind Classify(ReadOnlySpan<char> line, ref LineFields fields)
    {
        var used = TimestampParser.Parse(line, out var time);
        if (used == 0 || !time.HasDate || used >= line.Length || line[used] != ' ')
        {
            return LogShowPreamble.IsFrameLine(line) ? LineKind.Ignored : LineKind.Unmatched;
        }

        var i = NumberText.SkipSpaces(line, used);
        var end = NumberText.TokenEnd(line, i);
        if (!NumberText.TryParseHex(line[i..end], out var thread) || !line[i..].StartsWith("0x", StringComparison.Ordinal))
        {
            return LineKind.Unmatched;
        }

        i = NumberText.SkipSpaces(line, end);
        end = NumberText.TokenEnd(line, i);
        var type = line[i..end];
        i = NumberText.SkipSpaces(line, end);
        end = NumberText.TokenEnd(line, i);
        if (!NumberText.TryParseHex(line[i..end], out var activity))
        {
            return LineKind.Unmatched;
        }

        i = NumberText.SkipSpaces(line, end);
        end = NumberText.TokenEnd(line, i);
        var pid = NumberText.ParseDecimal(line[i..end]);
        i = NumberText.SkipSpaces(line, end);
        end = NumberText.TokenEnd(line, i);
        if (pid < 0 || pid > int.MaxValue || NumberText.ParseDecimal(line[i..end]) < 0)
        {
            return LineKind.Unmatched;
        }

        var rest = line[NumberText.SkipSpaces(line, end)..];
        if (rest.StartsWith("[spid ", StringComparison.Ordinal))
        {
            var close = rest.IndexOf("] ");
            if (close > 0)
            {
                rest = rest[(close + 2)..];
            }
        }

        var colon = rest.IndexOf(": ");
        if (colon <= 0)
        {
            colon = rest.EndsWith(':') ? rest.Length - 1 : -1;
        }

        if (colon > 0)
        {
            fields.Process = rest[..colon];
            MessageDecorations.Parse(colon + 2 <= rest.Length ? rest[(colon + 2)..] : [], ref fields);
        }
        else
        {
            fields.Message = rest;
        }

        fields.HasTime = true;
        fields.Time = time;
        fields.ThreadId = (long)thread;
        fields.ActivityId = activity;
        fields.ProcessId = (int)pid;
        (fields.Level, fields.EventType) = TypeColumn(type);
        return LineKind.Entry;
    }

    private static (LogLevel, LogEventType) TypeColumn(ReadOnlySpan<char> type) => type switch
    {
        "Default" => (LogLevel.Default, LogEventType.LogEvent),
        "Info" => (LogLevel.Info, LogEventType.LogEvent),
        "Debug" => (LogLevel.Debug, LogEventType.LogEvent),
        "Error" => (LogLevel.Error, LogEventType.LogEvent),
        "Fault" => (LogLevel.Fault, LogEventType.LogEvent),
        "Activity" => (LogLevel.Unknown, LogEventType.ActivityCreateEvent),
        "Signpost" => (LogLevel.Unknown, LogEventType.SignpostEvent),
        "State" or "Statedump" => (LogLevel.Unknown, LogEventType.StateEvent),
        "Loss" => (LogLevel.Unknown, LogEventType.LossEvent),
        "Timesync" => (LogLevel.Unknown, LogEventType.TimesyncEvent),
        "Trace" => (LogLevel.Unknown, LogEventType.TraceEvent),
        "UserAction" => (LogLevel.Unknown, LogEventType.UserActionEvent),
        _ => (LogEntryNames.ParseLevel(type), LogEventType.Unknown),
    };
}
