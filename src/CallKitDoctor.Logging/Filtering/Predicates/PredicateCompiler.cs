using System.Text.RegularExpressions;

namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// Checks a parsed predicate against the keys' value kinds (a number key takes numbers, <c>messageType</c> takes level
/// names or codes…) and builds the evaluator. Regular expressions are compiled here, once.
/// </summary>
internal static class PredicateCompiler
{
    /// <summary>How long one <c>MATCHES</c> test may run before it counts as no match.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    public static bool TryCompile(PredicateNode node, out CompiledNode? compiled, out PredicateError? error)
    {
        error = null;
        compiled = Compile(node, ref error);
        return error is null;
    }

    private static CompiledNode? Compile(PredicateNode node, ref PredicateError? error)
    {
        switch (node)
        {
            case ConstantPredicate constant:
                return new CompiledConstant(constant.Value);
            case NotPredicate not:
                var operand = Compile(not.Operand, ref error);
                return operand is null ? null : new CompiledNot(operand);
            case AndPredicate and:
                var andTerms = CompileAll(and.Terms, ref error);
                return andTerms is null ? null : CompiledJunction.And(andTerms);
            case OrPredicate or:
                var orTerms = CompileAll(or.Terms, ref error);
                return orTerms is null ? null : CompiledJunction.Or(orTerms);
            case ComparisonPredicate comparison:
                return CompileComparison(comparison, ref error);
            default:
                error = PredicateError.Expecting(node.Position, "a predicate");
                return null;
        }
    }

    private static CompiledNode[]? CompileAll(IReadOnlyList<PredicateNode> nodes, ref PredicateError? error)
    {
        var result = new CompiledNode[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var compiled = Compile(nodes[i], ref error);
            if (compiled is null)
            {
                return null;
            }

            result[i] = compiled;
        }

        return result;
    }

    private static CompiledNode? CompileComparison(ComparisonPredicate comparison, ref PredicateError? error)
    {
        var kind = PredicateKeys.KindOf(comparison.Key);
        var keyName = PredicateKeys.NameOf(comparison.Key);
        var op = comparison.Operator;
        var allowed = kind switch
        {
            PredicateValueKind.Text => true,
            PredicateValueKind.EventType => op is ComparisonOperator.Equal or ComparisonOperator.NotEqual or ComparisonOperator.In,
            _ => op is ComparisonOperator.Equal or ComparisonOperator.NotEqual or ComparisonOperator.In || op.IsOrdering(),
        };

        if (!allowed)
        {
            var expected = kind == PredicateValueKind.EventType ? "==, != or IN" : "==, !=, <, <=, >, >= or IN";
            error = PredicateError.Expecting(comparison.OperatorPosition, expected, $"for '{keyName}' (not {op.ToPredicateText()})");
            return null;
        }

        var scalars = comparison.Value.Kind == PredicateLiteralKind.Array ? comparison.Value.Elements! : [comparison.Value];
        if (kind == PredicateValueKind.Text)
        {
            var texts = new string[scalars.Count];
            for (var i = 0; i < scalars.Count; i++)
            {
                if (scalars[i].Kind != PredicateLiteralKind.String)
                {
                    error = PredicateError.Expecting(scalars[i].Position, "a quoted string", $"for '{keyName}'");
                    return null;
                }

                texts[i] = comparison.Key == PredicateKey.BootUuid && Guid.TryParse(scalars[i].Text, out var uuid)
                    ? uuid.ToString("D").ToUpperInvariant()
                    : scalars[i].Text!;
            }

            Regex? regex = null;
            if (op == ComparisonOperator.Matches && !TryBuildRegex(comparison, texts[0], out regex, ref error))
            {
                return null;
            }

            return new TextComparison(comparison.Key, op, comparison.Options, texts, regex);
        }

        var numbers = new Int128[scalars.Count];
        for (var i = 0; i < scalars.Count; i++)
        {
            if (!TryNumber(kind, scalars[i], out numbers[i]))
            {
                var expected = kind switch
                {
                    PredicateValueKind.MessageType => "a message type (default, info, debug, error, fault) or its number",
                    PredicateValueKind.EventType => "an event type (logEvent, activityCreateEvent, activityTransitionEvent, userActionEvent, traceEvent, signpostEvent, stateEvent, lossEvent, timesyncEvent) or its number",
                    _ => "a number",
                };
                error = PredicateError.Expecting(scalars[i].Position, expected, $"for '{keyName}'");
                return null;
            }
        }

        return new NumberComparison(comparison.Key, op, numbers);
    }

    private static bool TryNumber(PredicateValueKind kind, PredicateLiteral literal, out Int128 number)
    {
        number = literal.Number;
        if (literal.Kind == PredicateLiteralKind.Number)
        {
            return true;
        }

        if (literal.Kind is not (PredicateLiteralKind.Word or PredicateLiteralKind.String))
        {
            return false;
        }

        int code;
        var parsed = kind switch
        {
            PredicateValueKind.MessageType => PredicateTypeLiterals.TryParseMessageType(literal.Text, out code),
            PredicateValueKind.EventType => PredicateTypeLiterals.TryParseEventType(literal.Text, out code),
            _ => Fail(out code),
        };
        number = code;
        return parsed;

        static bool Fail(out int code)
        {
            code = 0;
            return false;
        }
    }

    private static bool TryBuildRegex(ComparisonPredicate comparison, string pattern, out Regex? regex, ref PredicateError? error)
    {
        var options = RegexOptions.CultureInvariant;
        if ((comparison.Options & StringOptions.CaseInsensitive) != 0)
        {
            options |= RegexOptions.IgnoreCase;
        }

        if ((comparison.Options & StringOptions.DiacriticInsensitive) != 0)
        {
            pattern = DiacriticFolding.Fold(pattern);
        }

        try
        {
            regex = new Regex(@"\A(?:" + pattern + @")\z", options, RegexTimeout);
            return true;
        }
        catch (ArgumentException ex)
        {
            regex = null;
            error = new PredicateError(
                comparison.Value.Position,
                "a valid regular expression",
                $"expected a valid regular expression at position {comparison.Value.Position} ({ex.Message})");
            return false;
        }
    }
}
