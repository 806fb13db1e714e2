using System.Globalization;
using System.Text;

namespace CallKitDoctor.Diagnosis.Tests.Episodes;

/// <summary>
/// Builds long <c>log show</c> default-style logs from the real call flow of <c>samples/seed-production-failure.log</c>
/// (every line shifted in time on each repetition), with quiet stretches of chosen lengths between the repetitions,
/// so that the episode cutting has something to cut, or deliberately nothing.
/// </summary>
internal sealed class LongLogBuilder
{
    private const string Header = "Timestamp                       Thread     Type        Activity             PID    TTL  ";

    // Real lines of the sample's own layout: an idle daemon line for the quiet stretches, and the app's and
    // callservicesd's end lines (from the sample) to end the call the sample leaves open.
    private const string Chatter = "+1100 0x6a0      Default     0x0                  96     0    dasd: [com.apple.duetactivityscheduler:triggers] Trigger: <private> is now [1]";

    private readonly List<(DateTime? Time, string Text)> _flow = [];
    private readonly List<string> _endLines = [];

    public LongLogBuilder(string sampleText)
    {
        foreach (var line in sampleText.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0 || text.StartsWith("Timestamp", StringComparison.Ordinal) || text.StartsWith("---", StringComparison.Ordinal) ||
                text.StartsWith("Log ", StringComparison.Ordinal) || text.StartsWith("Activity ", StringComparison.Ordinal))
            {
                continue;
            }

            if (text.Length > 26 && DateTime.TryParseExact(text[..26], "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                _flow.Add((time, text[26..]));
                if (text.Contains("ended at date", StringComparison.Ordinal) || text.Contains("endedAtDate", StringComparison.Ordinal))
                {
                    _endLines.Add(text[26..]);
                }
            }
            else
            {
                _flow.Add((null, text));
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="repetitions"/> copies of the flow. <paramref name="gapAfter"/> gives the quiet time after
    /// each copy (filled with a chatter line every few seconds); <paramref name="endLastCall"/> appends the end lines to
    /// each copy; <paramref name="pasteOutOfOrder"/> moves the last copy before the one before it.
    /// </summary>
    public string Build(int repetitions, Func<int, TimeSpan> gapAfter, bool endLastCall, bool pasteOutOfOrder = false, bool untimedChatter = false)
    {
        var copies = new List<string>();
        var start = _flow.First(l => l.Time is not null).Time!.Value;
        var shift = TimeSpan.Zero;
        for (var copy = 0; copy < repetitions; copy++)
        {
            var sb = new StringBuilder();
            var last = start;
            foreach (var (time, rest) in _flow)
            {
                if (time is { } t)
                {
                    last = t + shift;
                    Write(sb, last, rest);
                }
                else
                {
                    sb.Append(rest).Append('\n');
                }
            }

            if (endLastCall)
            {
                foreach (var end in _endLines.Take(2))
                {
                    last = last.AddMilliseconds(3);
                    Write(sb, last, end);
                }
            }

            var gap = gapAfter(copy);
            for (var quiet = TimeSpan.FromSeconds(4); quiet < gap; quiet += TimeSpan.FromSeconds(4))
            {
                Write(sb, last + quiet, Chatter);
                if (untimedChatter)
                {
                    sb.Append("stray print without a timestamp\n");
                }
            }

            copies.Add(sb.ToString());
            shift = last + gap - start;
        }

        if (pasteOutOfOrder && copies.Count >= 2)
        {
            (copies[^1], copies[^2]) = (copies[^2], copies[^1]);
        }

        return Header + "\n" + string.Concat(copies);
    }

    private static void Write(StringBuilder sb, DateTime time, string rest) =>
        sb.Append(time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append(rest).Append('\n');
}
