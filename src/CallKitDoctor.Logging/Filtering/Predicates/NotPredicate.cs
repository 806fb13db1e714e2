namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>The operand must not hold (<c>NOT</c>, <c>!</c>).</summary>
public sealed record NotPredicate(PredicateNode Operand, int Position) : PredicateNode(Position)
{
    public override string ToString() => "NOT " + Operand;
}
