using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>Conjunction; terms are held cheapest first so that an entry is usually rejected on a fixed field.</summary>
internal sealed class CompiledAnd(CompiledNode[] terms) : CompiledNode
{
    private readonly CompiledNode[] _terms = [.. terms.OrderBy(t => t.Cost)];

    public IReadOnlyList<CompiledNode> Terms => _terms;

    public override int Cost { get; } = terms.Sum(t => t.Cost);

    public override bool NeedsEventMessage { get; } = terms.Any(t => t.NeedsEventMessage);

    public override bool Evaluate(LogEntry entry)
    {
        foreach (var term in _terms)
        {
            if (!term.Evaluate(entry))
            {
                return false;
            }
        }

        return true;
    }

    public override bool? EvaluateWithoutMessage(LogEntry entry)
    {
        var result = (bool?)true;
        foreach (var term in _terms)
        {
            var value = term.EvaluateWithoutMessage(entry);
            if (value == false)
            {
                return false;
            }

            if (value is null)
            {
                result = null;
            }
        }

        return result;
    }
}
