using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified.Formatting;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// An entry read from a tracev3 file. Its message is built on first use of <see cref="LogEntry.EventMessage"/> from
/// the format string and a copy of the tracepoint's data items, or is a fixed text (placeholder, dump title).
/// </summary>
public sealed class UnifiedLogEntry : LogEntry
{
    private readonly string? _fixedMessage;
    private readonly byte[]? _items;
    private readonly byte[]? _privateData;

    /// <summary>
    /// An entry with a fixed message (a placeholder or dump text) when <paramref name="fixedMessage"/> is set, else one
    /// whose message is formatted lazily from <see cref="LogEntry.FormatString"/> and the copied items.
    /// </summary>
    public UnifiedLogEntry(string? fixedMessage, byte[]? items, byte[]? privateData)
    {
        _fixedMessage = fixedMessage;
        _items = items;
        _privateData = privateData;
    }

    protected override string FormatMessage() =>
        _fixedMessage ?? (FormatString is { } format ? OsLogFormatter.Format(format, _items, _privateData) : string.Empty);
}
