using System.Text;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Archives;

/// <summary>The entry an AVConference dump reader is building: its first line, time, message and raw lines so far.</summary>
internal sealed class PendingEntry
{
    public StringBuilder Message { get; } = new();

    public StringBuilder Raw { get; } = new();

    public long FirstLine { get; private set; }

    public long LastLine { get; private set; }

    public int Lines { get; private set; }

    public LogTimestamp? Timestamp { get; private set; }

    public void Start(long line, LogTimestamp? timestamp, string message, string raw)
    {
        Clear();
        FirstLine = LastLine = line;
        Lines = 1;
        Timestamp = timestamp;
        Message.Append(message);
        Raw.Append(raw);
    }

    public void Append(long line, string text)
    {
        LastLine = line;
        Lines++;
        Message.Append('\n').Append(text);
        Raw.Append('\n').Append(text);
    }

    public void Clear()
    {
        Message.Clear();
        Raw.Clear();
        Lines = 0;
    }
}
