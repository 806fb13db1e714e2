namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// A node of a parsed predicate. <see cref="object.ToString"/> prints the canonical, fully parenthesised form
/// (<c>(subsystem == "a" OR (process == "b" AND messageType >= 16))</c>), which shows how the parser grouped the terms.
/// </summary>
public abstract record PredicateNode(int Position);
