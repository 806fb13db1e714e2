namespace CallKitDoctor.Scenarios.Tracev3;

/// <summary>
/// One argument of a log call: a scalar (4 or 8 bytes) or a string/object description, public or private. Private
/// arguments are stored redacted (as a device without private logging stores them), so readers print <c>&lt;private&gt;</c>.
/// </summary>
public readonly record struct TraceArgument(TraceArgumentKind Kind, bool IsPrivate, string? Text, ulong Value, byte Size)
{
    public static TraceArgument Int32(int value, bool isPrivate = false) => new(TraceArgumentKind.Scalar, isPrivate, null, (uint)value, 4);

    public static TraceArgument Int64(long value, bool isPrivate = false) => new(TraceArgumentKind.Scalar, isPrivate, null, (ulong)value, 8);

    public static TraceArgument CString(string text, bool isPrivate = false) => new(TraceArgumentKind.String, isPrivate, text, 0, 4);

    public static TraceArgument Object(string description, bool isPrivate = false) => new(TraceArgumentKind.Object, isPrivate, description, 0, 4);

    /// <summary>The data item type byte (os_log's argument descriptor: privacy and kind).</summary>
    public byte ItemType => (Kind, IsPrivate) switch
    {
        (TraceArgumentKind.Scalar, false) => 0x00,
        (TraceArgumentKind.Scalar, true) => 0x01,
        (TraceArgumentKind.String, false) => 0x22,
        (TraceArgumentKind.String, true) => 0x21,
        (TraceArgumentKind.Object, false) => 0x42,
        _ => 0x41,
    };
}
