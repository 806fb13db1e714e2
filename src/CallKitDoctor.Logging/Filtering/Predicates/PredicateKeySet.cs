namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// A set of <see cref="PredicateKey"/>s: the fields a caller knows when it asks a predicate for a partial answer
/// (<see cref="LogPredicate.Decide"/>). Terms on keys outside the set are undecided.
/// </summary>
[Flags]
public enum PredicateKeySet
{
    None = 0,
    Process = 1 << (int)PredicateKey.Process,
    ProcessImagePath = 1 << (int)PredicateKey.ProcessImagePath,
    ProcessIdentifier = 1 << (int)PredicateKey.ProcessIdentifier,
    Sender = 1 << (int)PredicateKey.Sender,
    SenderImagePath = 1 << (int)PredicateKey.SenderImagePath,
    Subsystem = 1 << (int)PredicateKey.Subsystem,
    Category = 1 << (int)PredicateKey.Category,
    EventMessage = 1 << (int)PredicateKey.EventMessage,
    FormatString = 1 << (int)PredicateKey.FormatString,
    MessageType = 1 << (int)PredicateKey.MessageType,
    EventType = 1 << (int)PredicateKey.EventType,
    ThreadIdentifier = 1 << (int)PredicateKey.ThreadIdentifier,
    ActivityIdentifier = 1 << (int)PredicateKey.ActivityIdentifier,
    BootUuid = 1 << (int)PredicateKey.BootUuid,

    /// <summary>The fields of the process that logged: name, image path and pid.</summary>
    ProcessFields = Process | ProcessImagePath | ProcessIdentifier,

    /// <summary>Every key but the rendered message.</summary>
    AllButMessage = ProcessFields | Sender | SenderImagePath | Subsystem | Category | FormatString | MessageType | EventType
        | ThreadIdentifier | ActivityIdentifier | BootUuid,
}
