using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// An entry read from text. When its message is the tail of its raw text, the message string is cut from the raw
/// text only when somebody reads <see cref="LogEntry.EventMessage"/>, so consumers that filter on process or subsystem
/// first never pay for it.
/// </summary>
internal sealed class TextLogEntry : LogEntry
{
    private readonly string _raw;
    private readonly int _messageStart;
    private readonly string? _message;

    /// <summary>An entry whose message is <paramref name="message"/>, or (when null) the raw text from <paramref name="messageStart"/>.</summary>
    public TextLogEntry(string raw, int messageStart, string? message)
    {
        _raw = raw;
        _messageStart = messageStart;
        _message = message;
    }

    protected override string FormatMessage() => _message ?? (_messageStart == 0 ? _raw : _raw[_messageStart..]);
}
