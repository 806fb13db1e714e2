namespace CallKitDoctor.Logging.Unified.Formatting;

/// <summary>How a firehose data item carries its value.</summary>
public enum MessageArgumentKind : byte
{
    /// <summary>An inline number (1, 2, 4 or 8 bytes): item types 0x00, 0x02.</summary>
    Scalar,

    /// <summary>A precision or width for a following <c>*</c>: item types 0x10, 0x12.</summary>
    Precision,

    /// <summary>A string in the values data: item types 0x20, 0x22, 0x40, 0x42.</summary>
    String,

    /// <summary>Binary data in the values data: item types 0x30, 0x32, 0xF2.</summary>
    Binary,

    /// <summary>A string or binary value in the chunk's private data: item types 0x21, 0x31, 0x41.</summary>
    PrivateRange,

    /// <summary>A value that was redacted: item types 0x01, 0x25, 0x35, 0x45 (printed <c>&lt;private&gt;</c>).</summary>
    Private,

    /// <summary>An item type not known yet (shown, never dropped).</summary>
    Unknown,
}
