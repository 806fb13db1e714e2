using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary><c>TRUEPREDICATE</c> / <c>FALSEPREDICATE</c>.</summary>
internal sealed class CompiledConstant(bool value) : CompiledNode
{
    public override int Cost => 0;

    public override bool NeedsEventMessage => false;

    public override bool Evaluate(LogEntry entry) => value;

    public override bool? EvaluateKnowing(LogEntry entry, PredicateKeySet known) => value;
}
