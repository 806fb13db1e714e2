namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>The entry fields a predicate can test (aliases such as <c>composedMessage</c> map onto one of these).</summary>
public enum PredicateKey : byte
{
    Process,
    ProcessImagePath,
    ProcessIdentifier,
    Sender,
    SenderImagePath,
    Subsystem,
    Category,
    EventMessage,
    FormatString,
    MessageType,
    EventType,
    ThreadIdentifier,
    ActivityIdentifier,
    BootUuid,
}
