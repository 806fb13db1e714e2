using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Lines pasted from <c>log show</c> output with the middle columns trimmed, as people (and Apple DTS) quote them:
/// <c>2025-10-23 16:00:39.916170+1100 Glip: (CallKit) [com.apple.calls.callkit:Default] message</c>.
/// </summary>
internal sealed class LogShowExcerptLayout : LineLayout
{
    public override LogInputFormat Format => LogInputFormat.LogShowExcerpt;

    public override LineKind Classify(ReadOnlySpan<char> line, ref LineFields fields)
    {
        var used = TimestampParser.Parse(line, out var time);
        if (used == 0 || !time.HasDate || used >= line.Length || line[used] != ' ')
        {
            return LogShowPreamble.IsFrameLine(line) ? LineKind.Ignored : LineKind.Unmatched;
        }

        var i = NumberText.SkipSpaces(line, used);
        var end = NumberText.TokenEnd(line, i);
        if (end - i < 2 || line[end - 1] != ':' || line[i..end].Contains('['))
        {
            return LineKind.Unmatched;
        }

        fields.HasTime = true;
        fields.Time = time;
        fields.Process = line[i..(end - 1)];
        fields.EventType = LogEventType.LogEvent;
        MessageDecorations.Parse(end < line.Length ? line[(end + 1)..] : [], ref fields);
        return LineKind.Entry;
    }
}
