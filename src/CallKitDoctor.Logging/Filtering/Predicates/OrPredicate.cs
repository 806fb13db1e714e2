namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>At least one term must hold (<c>OR</c>, <c>||</c>).</summary>
public sealed record OrPredicate(IReadOnlyList<PredicateNode> Terms, int Position) : PredicateNode(Position)
{
    public override string ToString() => "(" + string.Join(" OR ", Terms) + ")";
}
