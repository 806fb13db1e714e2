namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>The canonical spelling of each comparison operator (used when a predicate is printed back).</summary>
public static class ComparisonOperatorNames
{
    public static string ToPredicateText(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.BeginsWith => "BEGINSWITH",
        ComparisonOperator.EndsWith => "ENDSWITH",
        ComparisonOperator.Contains => "CONTAINS",
        ComparisonOperator.Like => "LIKE",
        ComparisonOperator.Matches => "MATCHES",
        ComparisonOperator.In => "IN",
        _ => "?",
    };

    /// <summary>True for the operators that order values (<c>&lt; &lt;= &gt; &gt;=</c>).</summary>
    public static bool IsOrdering(this ComparisonOperator op) =>
        op is ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual
            or ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual;

    /// <summary>Applies an ordering or equality operator to the result of a three-way comparison.</summary>
    public static bool Accepts(this ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.Equal or ComparisonOperator.In => comparison == 0,
        ComparisonOperator.NotEqual => comparison != 0,
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.LessThanOrEqual => comparison <= 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.GreaterThanOrEqual => comparison >= 0,
        _ => false,
    };
}
