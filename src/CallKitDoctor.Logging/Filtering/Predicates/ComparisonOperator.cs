namespace CallKitDoctor.Logging.Filtering.Predicates;

/// <summary>The comparison operators of the NSPredicate dialect <c>log --predicate</c> accepts.</summary>
public enum ComparisonOperator : byte
{
    /// <summary><c>==</c> or <c>=</c>.</summary>
    Equal,

    /// <summary><c>!=</c> or <c>&lt;&gt;</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&lt;=</c> or <c>=&lt;</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c> or <c>=&gt;</c>.</summary>
    GreaterThanOrEqual,

    BeginsWith,
    EndsWith,
    Contains,

    /// <summary><c>LIKE</c>: <c>*</c> matches any run of characters, <c>?</c> any one character.</summary>
    Like,

    /// <summary><c>MATCHES</c>: a regular expression that must match the whole value.</summary>
    Matches,

    /// <summary><c>IN { … }</c>: equal to one of the array's elements.</summary>
    In,
}
