namespace CallKitDoctor.Benchmarks.Sysdiagnose;

/// <summary>The kind of one argument of a noise format string, which decides its specifier and stored item.</summary>
internal enum NoiseArgument
{
    /// <summary><c>%d</c>: a 32-bit integer.</summary>
    Int32,

    /// <summary><c>%lu</c>: a 64-bit count.</summary>
    Int64,

    /// <summary><c>0x%llx</c>: a 64-bit address or flags.</summary>
    Hex64,

    /// <summary><c>%{public}s</c>: a public C string.</summary>
    PublicString,

    /// <summary><c>%@</c>: an object description, redacted as on a device without private logging.</summary>
    PrivateObject,

    /// <summary><c>%{public}@</c>: a public object description.</summary>
    PublicObject,
}
