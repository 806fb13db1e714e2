using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Text;

/// <summary>The fields of an entry's first line, as slices of that line (filled by a <see cref="LineLayout"/>).</summary>
internal ref struct LineFields
{
    public bool HasTime;
    public TextTimestamp Time;
    public ReadOnlySpan<char> Process;
    public ReadOnlySpan<char> Sender;
    public ReadOnlySpan<char> Subsystem;
    public ReadOnlySpan<char> Category;
    public ReadOnlySpan<char> Message;
    public int? ProcessId;
    public long? ThreadId;
    public ulong? ActivityId;
    public LogLevel Level;
    public LogEventType EventType;
}
