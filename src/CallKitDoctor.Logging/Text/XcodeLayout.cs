using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Xcode console and NSLog output: <c>2020-09-25 19:26:16.378372+0200 App[123:4567] message</c> (offset optional),
/// <c>App[25333:2086171] message</c> without time, <c>[aurioc] message</c> category-tagged lines, custom app loggers
/// <c>12:45:33_473-730:[File.swift:47 -- func(:)] message</c>, and bare <c>print()</c> lines (entries with a message only).
/// A line continues the entry before it when it is indented or starts with a closing bracket (dictionary dumps,
/// <c>CXTransaction</c> descriptions ending in <c>)&gt;</c>), or when the line before ended with an opener
/// (<c>{ ( [ = ,</c>) or with <c>": "</c> (wrapped NSError text).
/// </summary>
internal sealed class XcodeLayout : LineLayout
{
    public override LogInputFormat Format => LogInputFormat.Xcode;

    public override bool UnmatchedLinesAreEntries => true;

    public override LineKind Classify(ReadOnlySpan<char> line, ref LineFields fields)
    {
        if (line.IsEmpty)
        {
            return LineKind.Unmatched;
        }

        var first = line[0];
        if (char.IsAsciiDigit(first))
        {
            var used = TimestampParser.Parse(line, out var time);
            if (used > 0 && time.HasDate && used < line.Length && line[used] == ' ')
            {
                fields.HasTime = true;
                fields.Time = time;
                var rest = line[(used + 1)..];
                var bracket = ProcessBracket.Parse(rest, 256, allowSpacesInName: true, out var process, out var pid, out var tid);
                if (bracket > 0 && (bracket == rest.Length || rest[bracket] == ' '))
                {
                    fields.Process = process;
                    fields.ProcessId = pid;
                    fields.ThreadId = tid;
                    rest = bracket < rest.Length ? rest[(bracket + 1)..] : [];
                }

                TakeCategoryTag(rest, ref fields);
                return LineKind.Entry;
            }

            if (TryCustomLogger(line, ref fields))
            {
                return LineKind.Entry;
            }
        }

        if (first == '[')
        {
            return TakeCategoryTag(line, ref fields) && !fields.Category.IsEmpty ? LineKind.Entry : LineKind.Unmatched;
        }

        if (first is not (' ' or '\t'))
        {
            var bracket = ProcessBracket.Parse(line, 128, allowSpacesInName: false, out var process, out var pid, out var tid);
            if (bracket > 0 && (bracket == line.Length || line[bracket] == ' '))
            {
                fields.Process = process;
                fields.ProcessId = pid;
                fields.ThreadId = tid;
                TakeCategoryTag(bracket < line.Length ? line[(bracket + 1)..] : [], ref fields);
                return LineKind.Entry;
            }
        }

        return LineKind.Unmatched;
    }

    public override bool Continues(ReadOnlySpan<char> line, ReadOnlySpan<char> previousLine)
    {
        var c = line[0];
        if (c is ' ' or '\t' or ')' or '}' or ']' or '>')
        {
            return true;
        }

        if (previousLine.EndsWith(": ", StringComparison.Ordinal))
        {
            return true;
        }

        var trimmed = previousLine.TrimEnd();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        var last = trimmed[^1];
        return last is '{' or '(' or '[' or '=' or ',' ||
               (last == ':' && line.StartsWith("Error Domain=", StringComparison.Ordinal));
    }

    /// <summary>
    /// Splits an Xcode os_log category tag (<c>[aurioc] </c>, <c>[Snapshotting] </c>) off the message. App-made tags in
    /// capitals (<c>[INFO]</c>) or chained tags (<c>[RNCallKeep][…]</c>) stay in the message.
    /// </summary>
    private static bool TakeCategoryTag(ReadOnlySpan<char> text, ref LineFields fields)
    {
        fields.Message = text;
        if (text.Length < 4 || text[0] != '[')
        {
            return true;
        }

        var close = text.IndexOf(']');
        if (close < 2 || close > 48 || close + 1 >= text.Length || text[close + 1] != ' ')
        {
            return true;
        }

        var tag = text[1..close];
        var hasLower = false;
        foreach (var ch in tag)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.'))
            {
                return true;
            }

            hasLower |= char.IsAsciiLetterLower(ch);
        }

        if (!hasLower || !char.IsAsciiLetter(tag[0]))
        {
            return true;
        }

        fields.Category = tag;
        fields.Message = text[(close + 2)..];
        return true;
    }

    /// <summary><c>HH:MM:SS_mmm-SEQ:message</c> (milliseconds after '_', a sequence number after '-').</summary>
    private static bool TryCustomLogger(ReadOnlySpan<char> line, ref LineFields fields)
    {
        if (line.Length < 12 || line[8] != '_' || !TimestampParser.TryTime(line, 0, out var ticks))
        {
            return false;
        }

        var i = 9;
        var ms = 0;
        while (i < line.Length && i < 12 && char.IsAsciiDigit(line[i]))
        {
            ms = (ms * 10) + (line[i] - '0');
            i++;
        }

        var msDigits = i - 9;
        if (msDigits == 0 || i >= line.Length)
        {
            return false;
        }

        if (line[i] == '-')
        {
            var start = ++i;
            while (i < line.Length && char.IsAsciiDigit(line[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= line.Length || line[i] is not (':' or ' '))
        {
            return false;
        }

        for (var d = msDigits; d < 3; d++)
        {
            ms *= 10;
        }

        fields.HasTime = true;
        fields.Time = new TextTimestamp(ticks + (ms * TimeSpan.TicksPerMillisecond), false, null, 0);
        fields.Message = line[(i + 1)..].TrimStart(' ');
        return true;
    }
}
