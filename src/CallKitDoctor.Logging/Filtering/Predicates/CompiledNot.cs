using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>Negation.</summary>
internal sealed class CompiledNot(CompiledNode operand) : CompiledNode
{
    public override int Cost => operand.Cost;

    public override bool NeedsEventMessage => operand.NeedsEventMessage;

    public override bool Evaluate(LogEntry entry) => !operand.Evaluate(entry);

    public override bool? EvaluateKnowing(LogEntry entry, PredicateKeySet known) => !operand.EvaluateKnowing(entry, known);
}
