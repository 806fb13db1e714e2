using System.Globalization;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>A literal on the right of a comparison, with the position where it starts.</summary>
public sealed record PredicateLiteral(
    PredicateLiteralKind Kind,
    int Position,
    string? Text = null,
    Int128 Number = default,
    IReadOnlyList<PredicateLiteral>? Elements = null)
{
    public override string ToString() => Kind switch
    {
        PredicateLiteralKind.String => Quote(Text ?? ""),
        PredicateLiteralKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        PredicateLiteralKind.Word => Text ?? "",
        _ => "{" + string.Join(", ", Elements ?? []) + "}",
    };

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
