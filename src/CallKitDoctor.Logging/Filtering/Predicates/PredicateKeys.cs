using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// The key names <c>log --predicate</c> accepts, what kind of value each holds, how costly it is to read from an
/// entry, and how it is read from <see cref="LogEntry"/>.
/// </summary>
public static class PredicateKeys
{
    /// <summary>Every accepted spelling, aliases included, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "process", "processImagePath", "processIdentifier", "sender", "senderImagePath", "subsystem", "category",
        "eventMessage", "composedMessage", "formatString", "messageType", "logType", "eventType", "threadIdentifier",
        "activityIdentifier", "bootUUID",
    ];

    /// <summary>Looks a key name up (case-insensitively, as the rest of the dialect's keywords).</summary>
    public static bool TryLookup(ReadOnlySpan<char> name, out PredicateKey key)
    {
        foreach (var candidate in Names)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                key = FromName(candidate);
                return true;
            }
        }

        key = default;
        return false;
    }

    /// <summary>The key's canonical name.</summary>
    public static string NameOf(PredicateKey key) => key switch
    {
        PredicateKey.Process => "process",
        PredicateKey.ProcessImagePath => "processImagePath",
        PredicateKey.ProcessIdentifier => "processIdentifier",
        PredicateKey.Sender => "sender",
        PredicateKey.SenderImagePath => "senderImagePath",
        PredicateKey.Subsystem => "subsystem",
        PredicateKey.Category => "category",
        PredicateKey.EventMessage => "eventMessage",
        PredicateKey.FormatString => "formatString",
        PredicateKey.MessageType => "messageType",
        PredicateKey.EventType => "eventType",
        PredicateKey.ThreadIdentifier => "threadIdentifier",
        PredicateKey.ActivityIdentifier => "activityIdentifier",
        PredicateKey.BootUuid => "bootUUID",
        _ => "?",
    };

    /// <summary>How the key's values compare.</summary>
    public static PredicateValueKind KindOf(PredicateKey key) => key switch
    {
        PredicateKey.ProcessIdentifier or PredicateKey.ThreadIdentifier or PredicateKey.ActivityIdentifier => PredicateValueKind.Number,
        PredicateKey.MessageType => PredicateValueKind.MessageType,
        PredicateKey.EventType => PredicateValueKind.EventType,
        _ => PredicateValueKind.Text,
    };

    /// <summary>
    /// A relative cost of testing the key: fixed fields first, short strings next, paths and format strings after,
    /// the rendered message (which a binary reader must format first) last.
    /// </summary>
    public static int CostOf(PredicateKey key) => key switch
    {
        PredicateKey.MessageType or PredicateKey.EventType or PredicateKey.ProcessIdentifier
            or PredicateKey.ThreadIdentifier or PredicateKey.ActivityIdentifier => 1,
        PredicateKey.Subsystem or PredicateKey.Category or PredicateKey.Process or PredicateKey.Sender => 2,
        PredicateKey.ProcessImagePath or PredicateKey.SenderImagePath or PredicateKey.BootUuid => 3,
        PredicateKey.FormatString => 5,
        _ => 20,
    };

    /// <summary>True when <paramref name="set"/> holds <paramref name="key"/>.</summary>
    public static bool IsIn(PredicateKey key, PredicateKeySet set) => ((int)set & (1 << (int)key)) != 0;

    /// <summary>True for the key whose value needs the message to be formatted.</summary>
    public static bool NeedsEventMessage(PredicateKey key) => key == PredicateKey.EventMessage;

    /// <summary>The entry's text value for a text key (null when the entry does not carry it).</summary>
    public static string? TextOf(PredicateKey key, LogEntry entry) => key switch
    {
        PredicateKey.Process => entry.Process,
        PredicateKey.ProcessImagePath => entry.ProcessImagePath,
        PredicateKey.Sender => entry.Sender ?? LastPathComponent(entry.SenderImagePath),
        PredicateKey.SenderImagePath => entry.SenderImagePath,
        PredicateKey.Subsystem => entry.Subsystem,
        PredicateKey.Category => entry.Category,
        PredicateKey.EventMessage => entry.EventMessage,
        PredicateKey.FormatString => entry.FormatString,
        PredicateKey.BootUuid => entry.BootUuid is { } boot ? boot.ToString("D").ToUpperInvariant() : null,
        _ => null,
    };

    /// <summary>The entry's value for a number, message-type or event-type key (null when unknown).</summary>
    public static Int128? NumberOf(PredicateKey key, LogEntry entry) => key switch
    {
        PredicateKey.ProcessIdentifier => entry.ProcessId,
        PredicateKey.ThreadIdentifier => entry.ThreadId,
        PredicateKey.ActivityIdentifier => entry.ActivityIdentifier,
        PredicateKey.MessageType => PredicateTypeLiterals.CodeOf(entry.Level),
        PredicateKey.EventType => PredicateTypeLiterals.CodeOf(entry.EventType),
        _ => null,
    };

    private static PredicateKey FromName(string name) => name switch
    {
        "process" => PredicateKey.Process,
        "processImagePath" => PredicateKey.ProcessImagePath,
        "processIdentifier" => PredicateKey.ProcessIdentifier,
        "sender" => PredicateKey.Sender,
        "senderImagePath" => PredicateKey.SenderImagePath,
        "subsystem" => PredicateKey.Subsystem,
        "category" => PredicateKey.Category,
        "eventMessage" or "composedMessage" => PredicateKey.EventMessage,
        "formatString" => PredicateKey.FormatString,
        "messageType" or "logType" => PredicateKey.MessageType,
        "eventType" => PredicateKey.EventType,
        "threadIdentifier" => PredicateKey.ThreadIdentifier,
        "activityIdentifier" => PredicateKey.ActivityIdentifier,
        _ => PredicateKey.BootUuid,
    };

    private static string? LastPathComponent(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}
