using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified.Formatting;
using CallKitDoctor.Logging.Unified.Tracev3;

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
    private readonly OversizeStore? _oversize;
    private readonly (ulong First, uint Second, uint Reference) _oversizeKey;
    private readonly Func<byte[], string>? _deferredMessage;

    /// <summary>
    /// An entry with a fixed message (a placeholder or dump text) when <paramref name="fixedMessage"/> is set, else one
    /// whose message is formatted lazily from <see cref="LogEntry.FormatString"/> and the copied items. With an
    /// <paramref name="oversize"/> store, the items are looked up there (by proc_id pair and data reference) when the
    /// message is first formatted, so an oversize chunk read after the entry is still found. With
    /// <paramref name="deferredMessage"/>, the message is what it builds from <paramref name="items"/> on first use
    /// (a large statedump's text, kept as its smaller data until written).
    /// </summary>
    public UnifiedLogEntry(string? fixedMessage, byte[]? items, byte[]? privateData,
        OversizeStore? oversize = null, ulong firstProcId = 0, uint secondProcId = 0, uint dataReference = 0,
        Func<byte[], string>? deferredMessage = null)
    {
        _deferredMessage = deferredMessage;
        _fixedMessage = fixedMessage;
        _items = items;
        _privateData = privateData;
        _oversize = oversize;
        _oversizeKey = (firstProcId, secondProcId, dataReference);
    }

    /// <summary>Bytes the entry keeps to build its message later (copied items, private data, statedump data).</summary>
    public int PendingDataBytes => IsMessageFormatted ? 0 : (_items?.Length ?? 0) + (_privateData?.Length ?? 0);

    protected override string FormatMessage()
    {
        if (_fixedMessage is not null)
        {
            return _fixedMessage;
        }

        if (_deferredMessage is not null)
        {
            return _deferredMessage(_items ?? []);
        }

        if (FormatString is not { } format)
        {
            return string.Empty;
        }

        if (_oversize is not null && _oversize.TryGet(_oversizeKey.First, _oversizeKey.Second, _oversizeKey.Reference, out var items, out var privateData))
        {
            return OsLogFormatter.Format(format, items.Span, privateData.Span);
        }

        return OsLogFormatter.Format(format, _items, _privateData);
    }
}
