using System.Text;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Detects the layout of a text capture from a bounded prefix (at most <see cref="MaxLines"/> non-blank lines):
/// JSON by its first character, <c>log show</c> styles by their header, otherwise by which layout recognises the most
/// lines (ties go to the stricter layout). Input nobody recognises is read as an Xcode console (bare lines).
/// </summary>
internal static class LogFormatDetector
{
    /// <summary>Non-blank lines examined.</summary>
    public const int MaxLines = 200;

    private static readonly LogInputFormat[] Candidates =
    [
        LogInputFormat.LogShowDefault,
        LogInputFormat.LogShowCompact,
        LogInputFormat.LogShowSyslog,
        LogInputFormat.LogShowExcerpt,
        LogInputFormat.Console,
        LogInputFormat.Xcode,
        LogInputFormat.CrashReport,
    ];

    /// <summary>Detects the format of UTF-8 text from its first bytes.</summary>
    public static LogInputFormat Detect(ReadOnlySpan<byte> prefix)
    {
        var text = Encoding.UTF8.GetString(prefix);
        return Detect(text.AsSpan());
    }

    /// <summary>Detects the format of text from its first characters.</summary>
    public static LogInputFormat Detect(ReadOnlySpan<char> text)
    {
        var body = text.TrimStart();
        if (body.StartsWith('\uFEFF'))
        {
            body = body[1..].TrimStart();
        }

        if (body.StartsWith('['))
        {
            var inner = body[1..].TrimStart();
            if (inner.IsEmpty || inner[0] is '{' or ']')
            {
                return LogInputFormat.LogShowJson;
            }
        }

        if (body.StartsWith('{'))
        {
            return LogInputFormat.LogShowNdjson;
        }

        var lines = new List<string>();
        foreach (var range in body.Split('\n'))
        {
            var line = body[range].TrimEnd('\r');
            if (line.IsWhiteSpace())
            {
                continue;
            }

            if (line.StartsWith("Timestamp ", StringComparison.Ordinal))
            {
                if (line.Contains("Ty Process[", StringComparison.Ordinal))
                {
                    return LogInputFormat.LogShowCompact;
                }

                if (line.Contains("(process)[PID]", StringComparison.Ordinal))
                {
                    return LogInputFormat.LogShowSyslog;
                }

                if (line.Contains("Thread", StringComparison.Ordinal) && line.Contains("Type", StringComparison.Ordinal))
                {
                    return LogInputFormat.LogShowDefault;
                }
            }

            lines.Add(line.ToString());
            if (lines.Count >= MaxLines)
            {
                break;
            }
        }

        var best = LogInputFormat.Xcode;
        var bestScore = 0;
        foreach (var format in Candidates)
        {
            var score = Score(format, lines);
            if (score > bestScore)
            {
                best = format;
                bestScore = score;
            }
        }

        return best;
    }

    private static int Score(LogInputFormat format, List<string> lines)
    {
        var layout = LineLayout.For(format, new CaptureContext());
        var score = 0;
        foreach (var line in lines)
        {
            LineFields fields = default;
            var kind = layout.Classify(line, ref fields);
            if (kind == LineKind.Entry || (kind == LineKind.Ignored && format == LogInputFormat.CrashReport))
            {
                score++;
            }
        }

        // One known crash field could be anything; a report has several.
        return format == LogInputFormat.CrashReport && score < 2 ? 0 : score;
    }
}
