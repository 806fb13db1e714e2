namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>
/// Recursive-descent parser for the predicate dialect: <c>NOT</c> binds tighter than <c>AND</c>, which binds tighter
/// than <c>OR</c>; parentheses group. Nesting is bounded so that hostile input cannot exhaust the stack.
/// </summary>
internal sealed class PredicateParser
{
    /// <summary>Deepest nesting of parentheses and <c>NOT</c>s accepted.</summary>
    public const int MaxDepth = 128;

    private readonly string _text;
    private readonly List<PredicateToken> _tokens;
    private int _index;
    private int _depth;
    private PredicateError? _error;

    private PredicateParser(string text, List<PredicateToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static bool TryParse(string text, out PredicateNode? root, out PredicateError? error)
    {
        root = null;
        var tokens = new List<PredicateToken>();
        if (!PredicateLexer.TryTokenize(text, tokens, out error))
        {
            return false;
        }

        var parser = new PredicateParser(text, tokens);
        root = parser.ParseOr();
        if (root is not null && parser.Current.Kind != PredicateTokenKind.End)
        {
            var unexpected = parser.Current;
            parser.Fail(unexpected.Kind == PredicateTokenKind.RightParen
                ? PredicateError.Expecting(unexpected.Position, "AND, OR or the end of the predicate", "(unmatched ')')")
                : PredicateError.Expecting(unexpected.Position, "AND, OR or the end of the predicate", $"instead of {unexpected.Describe(text)}"));
        }

        error = parser._error;
        if (error is not null)
        {
            root = null;
            return false;
        }

        return true;
    }

    private PredicateToken Current => _tokens[_index];

    private PredicateToken Advance()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private PredicateNode? Fail(PredicateError error)
    {
        _error ??= error;
        return null;
    }

    private PredicateNode? ParseOr()
    {
        var start = Current.Position;
        var first = ParseAnd();
        if (first is null)
        {
            return null;
        }

        List<PredicateNode>? terms = null;
        while (Current.Kind == PredicateTokenKind.Or)
        {
            Advance();
            var next = ParseAnd();
            if (next is null)
            {
                return null;
            }

            (terms ??= [first]).Add(next);
        }

        return terms is null ? first : new OrPredicate(terms, start);
    }

    private PredicateNode? ParseAnd()
    {
        var start = Current.Position;
        var first = ParseNot();
        if (first is null)
        {
            return null;
        }

        List<PredicateNode>? terms = null;
        while (Current.Kind == PredicateTokenKind.And)
        {
            Advance();
            var next = ParseNot();
            if (next is null)
            {
                return null;
            }

            (terms ??= [first]).Add(next);
        }

        return terms is null ? first : new AndPredicate(terms, start);
    }

    private PredicateNode? ParseNot()
    {
        if (Current.Kind != PredicateTokenKind.Not)
        {
            return ParsePrimary();
        }

        var not = Advance();
        if (++_depth > MaxDepth)
        {
            return Fail(new PredicateError(not.Position, "less nesting", $"predicate nested more than {MaxDepth} levels deep at position {not.Position}"));
        }

        var operand = ParseNot();
        _depth--;
        return operand is null ? null : new NotPredicate(operand, not.Position);
    }

    private PredicateNode? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case PredicateTokenKind.LeftParen:
                Advance();
                if (++_depth > MaxDepth)
                {
                    return Fail(new PredicateError(token.Position, "less nesting", $"predicate nested more than {MaxDepth} levels deep at position {token.Position}"));
                }

                var inner = ParseOr();
                _depth--;
                if (inner is null)
                {
                    return null;
                }

                if (Current.Kind != PredicateTokenKind.RightParen)
                {
                    return Fail(PredicateError.Expecting(Current.Position, "')'", $"closing the '(' at position {token.Position}"));
                }

                Advance();
                return inner;
            case PredicateTokenKind.TruePredicate or PredicateTokenKind.FalsePredicate:
                Advance();
                return new ConstantPredicate(token.Kind == PredicateTokenKind.TruePredicate, token.Position);
            case PredicateTokenKind.Identifier:
                return ParseComparison();
            default:
                return Fail(PredicateError.Expecting(token.Position, "a key name, NOT or '('", $"instead of {token.Describe(_text)}"));
        }
    }

    private PredicateNode? ParseComparison()
    {
        var keyToken = Advance();
        if (!PredicateKeys.TryLookup(keyToken.Text, out var key))
        {
            return Fail(new PredicateError(
                keyToken.Position,
                "a key name",
                $"unknown key '{keyToken.Text}' at position {keyToken.Position} (expected one of {string.Join(", ", PredicateKeys.Names)})"));
        }

        var opToken = Current;
        if (opToken.Kind != PredicateTokenKind.Comparison)
        {
            return Fail(PredicateError.Expecting(opToken.Position, "a comparison operator", $"after '{keyToken.Text}'"));
        }

        Advance();
        var options = StringOptions.None;
        if (Current.Kind == PredicateTokenKind.Options)
        {
            options = Advance().Options;
        }

        var value = opToken.Operator == ComparisonOperator.In ? ParseArray(opToken) : ParseScalar(opToken);
        return value is null ? null : new ComparisonPredicate(key, opToken.Operator, options, value, keyToken.Position, opToken.Position);
    }

    private PredicateLiteral? ParseArray(PredicateToken opToken)
    {
        var open = Current;
        if (open.Kind != PredicateTokenKind.LeftBrace)
        {
            Fail(PredicateError.Expecting(open.Position, "'{' starting the list of values", $"after '{_text.Substring(opToken.Position, opToken.Length)}'"));
            return null;
        }

        Advance();
        var elements = new List<PredicateLiteral>();
        if (Current.Kind == PredicateTokenKind.RightBrace)
        {
            Advance();
            return new PredicateLiteral(PredicateLiteralKind.Array, open.Position, Elements: elements);
        }

        while (true)
        {
            var element = ParseScalar(opToken);
            if (element is null)
            {
                return null;
            }

            elements.Add(element);
            var separator = Advance();
            if (separator.Kind == PredicateTokenKind.RightBrace)
            {
                return new PredicateLiteral(PredicateLiteralKind.Array, open.Position, Elements: elements);
            }

            if (separator.Kind != PredicateTokenKind.Comma)
            {
                Fail(PredicateError.Expecting(separator.Position, "',' or '}'", "in the list of values"));
                return null;
            }
        }
    }

    private PredicateLiteral? ParseScalar(PredicateToken opToken)
    {
        var token = Current;
        PredicateLiteral? literal = token.Kind switch
        {
            PredicateTokenKind.String => new PredicateLiteral(PredicateLiteralKind.String, token.Position, token.Text),
            PredicateTokenKind.Number => new PredicateLiteral(PredicateLiteralKind.Number, token.Position, Number: token.Number),
            PredicateTokenKind.True => new PredicateLiteral(PredicateLiteralKind.Number, token.Position, Number: 1),
            PredicateTokenKind.False => new PredicateLiteral(PredicateLiteralKind.Number, token.Position, Number: 0),
            PredicateTokenKind.Identifier => new PredicateLiteral(PredicateLiteralKind.Word, token.Position, token.Text),
            _ => null,
        };

        if (literal is null)
        {
            Fail(PredicateError.Expecting(
                token.Position,
                "a value (a quoted string, a number or a type such as error)",
                $"after '{_text.Substring(opToken.Position, opToken.Length)}'"));
            return null;
        }

        Advance();
        return literal;
    }
}
