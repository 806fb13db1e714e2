using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// A comparison on an integer-valued key (identifiers, and the codes of <c>messageType</c> and <c>eventType</c>).
/// An entry without the field equals nothing, so only <c>!=</c> holds for it.
/// </summary>
internal sealed class NumberComparison(PredicateKey key, ComparisonOperator op, Int128[] values) : CompiledNode
{
    public override int Cost => PredicateKeys.CostOf(key);

    public override bool NeedsEventMessage => false;

    public override bool Evaluate(LogEntry entry)
    {
        if (PredicateKeys.NumberOf(key, entry) is not { } value)
        {
            return op == ComparisonOperator.NotEqual;
        }

        if (op == ComparisonOperator.In)
        {
            return Array.IndexOf(values, value) >= 0;
        }

        return op.Accepts(value.CompareTo(values[0]));
    }

    public override bool? EvaluateKnowing(LogEntry entry, PredicateKeySet known) => PredicateKeys.IsIn(key, known) ? Evaluate(entry) : null;
}
