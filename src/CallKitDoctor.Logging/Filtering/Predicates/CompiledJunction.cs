using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// AND or OR over terms held cheapest first, so that an entry is usually decided on a fixed field. Both stop at the
/// first term whose value decides the whole: false for AND, true for OR.
/// </summary>
internal sealed class CompiledJunction(CompiledNode[] terms, bool isAnd) : CompiledNode
{
    private readonly CompiledNode[] _terms = [.. terms.OrderBy(t => t.Cost)];

    /// <summary>The value of a term that decides the whole junction (false for AND, true for OR).</summary>
    private readonly bool _decisive = !isAnd;

    public static CompiledJunction And(CompiledNode[] terms) => new(terms, isAnd: true);

    public static CompiledJunction Or(CompiledNode[] terms) => new(terms, isAnd: false);

    public IReadOnlyList<CompiledNode> Terms => _terms;

    public override int Cost { get; } = terms.Sum(t => t.Cost);

    public override bool NeedsEventMessage { get; } = terms.Any(t => t.NeedsEventMessage);

    public override bool Evaluate(LogEntry entry)
    {
        foreach (var term in _terms)
        {
            if (term.Evaluate(entry) == _decisive)
            {
                return _decisive;
            }
        }

        return !_decisive;
    }

    public override bool? EvaluateKnowing(LogEntry entry, PredicateKeySet known)
    {
        var result = (bool?)!_decisive;
        foreach (var term in _terms)
        {
            var value = term.EvaluateKnowing(entry, known);
            if (value == _decisive)
            {
                return _decisive;
            }

            if (value is null)
            {
                result = null;
            }
        }

        return result;
    }
}
