namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary><c>TRUEPREDICATE</c> or <c>FALSEPREDICATE</c>.</summary>
public sealed record ConstantPredicate(bool Value, int Position) : PredicateNode(Position)
{
    public override string ToString() => Value ? "TRUEPREDICATE" : "FALSEPREDICATE";
}
