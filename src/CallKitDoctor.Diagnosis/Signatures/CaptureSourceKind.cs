namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>Where a captured value is read from.</summary>
public enum CaptureSourceKind
{
    /// <summary>The text the n-th format specifier matched (<c>arg:3</c>).</summary>
    Argument,

    /// <summary>A named group of the signature's pattern (<c>group:code</c>).</summary>
    Group,

    /// <summary>The whole message (<c>message</c>).</summary>
    Message,
}
