using System.Text.RegularExpressions;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// A comparison on a text key. Literals are folded once at compile time; the entry's value is folded per test only
/// for <c>[d]</c> (and not at all when it is plain ASCII). An entry without the field equals nothing, so only
/// <c>!=</c> holds for it. A regular expression that runs past its timeout counts as no match.
/// </summary>
internal sealed class TextComparison : CompiledNode
{
    private readonly PredicateKey _key;
    private readonly ComparisonOperator _op;
    private readonly bool _foldDiacritics;
    private readonly StringComparison _comparison;
    private readonly string[] _literals;
    private readonly Regex? _regex;
    private readonly WildcardPattern? _wildcard;

    public TextComparison(PredicateKey key, ComparisonOperator op, StringOptions options, string[] literals, Regex? regex)
    {
        _key = key;
        _op = op;
        _foldDiacritics = (options & StringOptions.DiacriticInsensitive) != 0;
        var ignoreCase = (options & StringOptions.CaseInsensitive) != 0;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _literals = _foldDiacritics ? [.. literals.Select(DiacriticFolding.Fold)] : literals;
        _regex = regex;
        _wildcard = op == ComparisonOperator.Like ? new WildcardPattern(_literals[0], ignoreCase) : null;
        Cost = PredicateKeys.CostOf(key) + (_foldDiacritics ? 2 : 0) + op switch
        {
            ComparisonOperator.Matches => 10,
            ComparisonOperator.Like or ComparisonOperator.Contains => 1,
            _ => 0,
        };
    }

    public override int Cost { get; }

    public override bool NeedsEventMessage => PredicateKeys.NeedsEventMessage(_key);

    public override bool Evaluate(LogEntry entry) => Test(PredicateKeys.TextOf(_key, entry));

    public override bool? EvaluateKnowing(LogEntry entry, PredicateKeySet known) => PredicateKeys.IsIn(_key, known) ? Evaluate(entry) : null;

    private bool Test(string? value)
    {
        if (value is null)
        {
            return _op == ComparisonOperator.NotEqual;
        }

        if (_foldDiacritics)
        {
            value = DiacriticFolding.Fold(value);
        }

        var literal = _literals.Length > 0 ? _literals[0] : "";
        switch (_op)
        {
            case ComparisonOperator.Equal:
                return string.Equals(value, literal, _comparison);
            case ComparisonOperator.NotEqual:
                return !string.Equals(value, literal, _comparison);
            case ComparisonOperator.BeginsWith:
                return value.StartsWith(literal, _comparison);
            case ComparisonOperator.EndsWith:
                return value.EndsWith(literal, _comparison);
            case ComparisonOperator.Contains:
                return value.Contains(literal, _comparison);
            case ComparisonOperator.Like:
                return _wildcard!.IsMatch(value);
            case ComparisonOperator.Matches:
                try
                {
                    return _regex!.IsMatch(value);
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }

            case ComparisonOperator.In:
                foreach (var candidate in _literals)
                {
                    if (string.Equals(value, candidate, _comparison))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return _op.Accepts(string.Compare(value, literal, _comparison));
        }
    }
}
