namespace CallKitDoctor.Scenarios.Bench;

/// <summary>The kind of value a benchmark format string's placeholder takes.</summary>
public enum BenchArgument
{
    /// <summary><c>%d</c>, <c>%u</c>, <c>%x</c>, <c>%{BOOL}d</c>…: a 4-byte integer.</summary>
    Word,

    /// <summary><c>%lld</c>, <c>%llu</c>, <c>%p</c>: an 8-byte integer.</summary>
    Wide,

    /// <summary><c>%{public}s</c>: a C string shown as is.</summary>
    PublicString,

    /// <summary><c>%s</c> / <c>%{private}s</c>: a C string redacted to <c>&lt;private&gt;</c>.</summary>
    PrivateString,

    /// <summary><c>%{public}@</c>: an object's description.</summary>
    PublicObject,

    /// <summary><c>%@</c>: an object redacted to <c>&lt;private&gt;</c>.</summary>
    PrivateObject,
}
