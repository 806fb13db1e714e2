namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>How a key's values compare.</summary>
public enum PredicateValueKind : byte
{
    /// <summary>Text: every operator applies, with <c>[c]</c>/<c>[d]</c>.</summary>
    Text,

    /// <summary>An integer: equality, ordering and <c>IN</c>.</summary>
    Number,

    /// <summary><c>messageType</c>: level names or codes, ordered by level (<c>default &lt; info &lt; debug &lt; error &lt; fault</c>).</summary>
    MessageType,

    /// <summary><c>eventType</c>: event names or codes, equality and <c>IN</c> only.</summary>
    EventType,
}
