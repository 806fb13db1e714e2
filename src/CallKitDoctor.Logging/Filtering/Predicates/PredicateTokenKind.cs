namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>The kinds of token the predicate lexer produces.</summary>
internal enum PredicateTokenKind : byte
{
    End,
    Identifier,
    String,
    Number,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    Comma,
    Comparison,
    Options,
    And,
    Or,
    Not,
    True,
    False,
    TruePredicate,
    FalsePredicate,
}
