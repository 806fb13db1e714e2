namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>The kinds of literal a predicate can hold.</summary>
public enum PredicateLiteralKind : byte
{
    /// <summary>A quoted string.</summary>
    String,

    /// <summary>An integer (decimal, hex, octal or binary; <c>TRUE</c>/<c>FALSE</c> read as 1/0).</summary>
    Number,

    /// <summary>A bare word such as <c>error</c> or <c>logEvent</c> (a <c>type</c> literal).</summary>
    Word,

    /// <summary>A <c>{…}</c> array (the right side of <c>IN</c>).</summary>
    Array,
}
