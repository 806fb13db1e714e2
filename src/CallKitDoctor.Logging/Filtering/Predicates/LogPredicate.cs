using System.Diagnostics.CodeAnalysis;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// A compiled <c>--predicate</c> in the NSPredicate dialect Apple's <c>log</c> accepts, e.g.
/// <c>subsystem == "com.apple.calls.callkit" AND (eventMessage CONTAINS[c] "activate" OR messageType >= error)</c>.
/// Parsing never throws: a bad predicate gives a <see cref="PredicateError"/> with its position.
/// </summary>
public sealed class LogPredicate
{
    private readonly CompiledNode _root;

    private LogPredicate(string text, PredicateNode syntax, CompiledNode root)
    {
        Text = text;
        Syntax = syntax;
        _root = root;
    }

    /// <summary>The predicate as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>The parsed tree.</summary>
    public PredicateNode Syntax { get; }

    /// <summary>
    /// True when some term tests <c>eventMessage</c>. When false, <see cref="Matches"/> never formats the message; when
    /// true, <see cref="PreCheck"/> still decides many entries from the other fields.
    /// </summary>
    public bool NeedsEventMessage => _root.NeedsEventMessage;

    /// <summary>Parses and compiles a predicate.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out LogPredicate? predicate, [NotNullWhen(false)] out PredicateError? error)
    {
        predicate = null;
        if (!PredicateParser.TryParse(text ?? "", out var syntax, out error) ||
            !PredicateCompiler.TryCompile(syntax!, out var compiled, out error))
        {
            error ??= PredicateError.Expecting(0, "a predicate");
            return false;
        }

        predicate = new LogPredicate(text ?? "", syntax!, compiled!);
        return true;
    }

    /// <summary>True when the entry satisfies the predicate (reads the message only if a term needs it).</summary>
    public bool Matches(LogEntry entry) => _root.Evaluate(entry);

    /// <summary>Decides from the fields other than the message, where the predicate allows it.</summary>
    public FilterDecision PreCheck(LogEntry entry) => Decide(entry, PredicateKeySet.AllButMessage);

    /// <summary>
    /// Decides from the <paramref name="known"/> fields of <paramref name="entry"/> alone (the others may hold anything):
    /// <see cref="FilterDecision.Reject"/> when no entry with these field values can match, <see cref="FilterDecision.Accept"/>
    /// when every such entry matches, <see cref="FilterDecision.NeedsMessage"/> when it depends on another field. Readers
    /// use it on a probe entry built from a catalog's process and subsystem to skip chunks unread.
    /// </summary>
    public FilterDecision Decide(LogEntry entry, PredicateKeySet known) => _root.EvaluateKnowing(entry, known) switch
    {
        true => FilterDecision.Accept,
        false => FilterDecision.Reject,
        null => FilterDecision.NeedsMessage,
    };

    /// <summary>The costs of the top-level AND/OR terms in evaluation order (cheapest first), for diagnostics and tests.</summary>
    public IReadOnlyList<int> EvaluationCosts =>
        _root is CompiledJunction junction ? [.. junction.Terms.Select(t => t.Cost)] : [_root.Cost];

    public override string ToString() => Syntax.ToString() ?? Text;
}
