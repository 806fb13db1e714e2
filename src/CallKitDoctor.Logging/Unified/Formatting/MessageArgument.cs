namespace CallKitDoctor.Logging.Unified.Formatting;

/// <summary>
/// One decoded data item of a tracepoint: its type, and either an inline scalar or a range (offset, length) into the
/// values data (or the private data for <see cref="MessageArgumentKind.PrivateRange"/>).
/// </summary>
public readonly record struct MessageArgument(MessageArgumentKind Kind, byte ItemType, byte Size, ulong Scalar, int Offset, int Length)
{
    /// <summary>True when the range is empty and at offset 0 (a NULL pointer).</summary>
    public bool IsNull => Kind is MessageArgumentKind.String or MessageArgumentKind.Binary or MessageArgumentKind.PrivateRange && Offset == 0 && Length == 0;
}
