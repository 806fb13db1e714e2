namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// <c>key operator[options] value</c>. <see cref="PredicateNode.Position"/> is where the key starts;
/// <see cref="OperatorPosition"/> where the operator starts.
/// </summary>
public sealed record ComparisonPredicate(
    PredicateKey Key,
    ComparisonOperator Operator,
    StringOptions Options,
    PredicateLiteral Value,
    int Position,
    int OperatorPosition) : PredicateNode(Position)
{
    public override string ToString()
    {
        var options = Options switch
        {
            StringOptions.CaseInsensitive => "[c]",
            StringOptions.DiacriticInsensitive => "[d]",
            StringOptions.CaseInsensitive | StringOptions.DiacriticInsensitive => "[cd]",
            _ => "",
        };
        return $"{PredicateKeys.NameOf(Key)} {Operator.ToPredicateText()}{options} {Value}";
    }
}
