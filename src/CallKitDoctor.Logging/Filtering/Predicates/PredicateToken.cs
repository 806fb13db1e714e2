namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// One token of a predicate: its kind, where it starts (0-based) and how long it is in the source text, and its value
/// (decoded string, number, operator or comparison options) when it has one.
/// </summary>
internal readonly record struct PredicateToken(
    PredicateTokenKind Kind,
    int Position,
    int Length,
    string? Text = null,
    Int128 Number = default,
    ComparisonOperator Operator = default,
    StringOptions Options = default)
{
    /// <summary>How the token reads in an error message (<c>'subsystem'</c>, <c>end of predicate</c>).</summary>
    public string Describe(string source) =>
        Kind == PredicateTokenKind.End ? "end of predicate" : $"'{source.Substring(Position, Length)}'";
}
