using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// <c>log show --style syslog</c>: <c>2025-10-23 16:00:39.916170+1100  localhost process[pid]: (Library) [sub:cat] message</c>
/// under the header <c>Timestamp                       (process)[PID]</c>. Also reads the older device-syslog shape
/// <c>process(Library)[pid] &lt;Notice&gt;: message</c> after the host.
/// </summary>
internal sealed class LogShowSyslogLayout : LineLayout
{
    public override LogInputFormat Format => LogInputFormat.LogShowSyslog;

    public override LineKind Classify(ReadOnlySpan<char> line, ref LineFields fields)
    {
        var used = TimestampParser.Parse(line, out var time);
        if (used == 0 || !time.HasDate || used >= line.Length || line[used] != ' ')
        {
            return LogShowPreamble.IsFrameLine(line) ? LineKind.Ignored : LineKind.Unmatched;
        }

        var i = NumberText.SkipSpaces(line, used);
        var hostEnd = NumberText.TokenEnd(line, i);
        if (hostEnd == i || hostEnd >= line.Length || line[i..hostEnd].Contains('['))
        {
            return LineKind.Unmatched;
        }

        var rest = line[(hostEnd + 1)..];
        var bracket = ProcessBracket.Parse(rest, 256, allowSpacesInName: true, out var process, out var pid, out var tid);
        if (bracket == 0)
        {
            return LineKind.Unmatched;
        }

        var after = rest[bracket..];
        fields.Level = LogLevel.Default;
        if (after.StartsWith(" <", StringComparison.Ordinal))
        {
            var close = after.IndexOf(">:");
            if (close < 0)
            {
                return LineKind.Unmatched;
            }

            fields.Level = SyslogLevel(after[2..close]);
            after = after[(close + 1)..];
        }

        if (!after.StartsWith(':'))
        {
            return LineKind.Unmatched;
        }

        var paren = process.IndexOf('(');
        if (paren > 0 && process[^1] == ')')
        {
            fields.Sender = process[(paren + 1)..^1];
            process = process[..paren];
        }

        fields.HasTime = true;
        fields.Time = time;
        fields.Process = process;
        fields.ProcessId = pid;
        fields.ThreadId = tid;
        fields.EventType = LogEventType.LogEvent;
        MessageDecorations.Parse(after.Length > 1 ? after[1..].TrimStart(' ') : [], ref fields);
        return LineKind.Entry;
    }

    private static LogLevel SyslogLevel(ReadOnlySpan<char> word) => word switch
    {
        "Notice" or "Default" => LogLevel.Default,
        "Info" => LogLevel.Info,
        "Debug" => LogLevel.Debug,
        "Error" or "Warning" => LogLevel.Error,
        "Fault" or "Critical" or "Alert" or "Emergency" => LogLevel.Fault,
        _ => LogLevel.Unknown,
    };
}
