namespace CallKitDoctor.Logging.Filtering;

/// <summary>What a filter can say about an entry before its message is formatted.</summary>
public enum FilterDecision : byte
{
    /// <summary>The entry fails whatever its message says: skip it without formatting.</summary>
    Reject,

    /// <summary>The entry passes whatever its message says.</summary>
    Accept,

    /// <summary>The answer depends on <c>eventMessage</c>: format the message and call <c>Matches</c>.</summary>
    NeedsMessage,
}
