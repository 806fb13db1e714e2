namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>All terms must hold (<c>AND</c>, <c>&amp;&amp;</c>).</summary>
public sealed record AndPredicate(IReadOnlyList<PredicateNode> Terms, int Position) : PredicateNode(Position)
{
    public override string ToString() => "(" + string.Join(" AND ", Terms) + ")";
}
