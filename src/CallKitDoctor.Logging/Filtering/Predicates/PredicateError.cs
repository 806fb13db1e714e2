namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// Why a predicate was refused: the 0-based character position of the problem, what was expected there, and a full
/// message such as <c>expected a comparison operator after 'subsystem' at position 10</c>.
/// </summary>
public sealed record PredicateError(int Position, string Expected, string Message)
{
    internal static PredicateError Expecting(int position, string expected, string? context = null) =>
        new(position, expected, $"expected {expected}{(context is null ? "" : " " + context)} at position {position}");

    /// <summary>The predicate with a caret under the position (two lines), for a terminal.</summary>
    public string Underline(string predicate)
    {
        var column = Math.Clamp(Position, 0, predicate.Length);
        return predicate + "\n" + new string(' ', column) + "^";
    }

    public override string ToString() => Message;
}
