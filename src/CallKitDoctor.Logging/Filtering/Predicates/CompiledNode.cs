using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>A predicate node ready to run against entries.</summary>
internal abstract class CompiledNode
{
    /// <summary>Relative cost of one evaluation (AND/OR terms run cheapest first).</summary>
    public abstract int Cost { get; }

    /// <summary>True when evaluating may read <see cref="LogEntry.EventMessage"/>.</summary>
    public abstract bool NeedsEventMessage { get; }

    public abstract bool Evaluate(LogEntry entry);

    /// <summary>
    /// Evaluates from the <paramref name="known"/> fields only: null when the answer depends on another field
    /// (three-valued logic).
    /// </summary>
    public abstract bool? EvaluateKnowing(LogEntry entry, PredicateKeySet known);
}
