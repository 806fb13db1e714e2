namespace CallKitDoctor.Logging.Unified;

/// <summary>What was wrong with a piece of unified-log data.</summary>
public enum UnifiedErrorKind
{
    /// <summary>The data ends before a structure that it announces.</summary>
    Truncated,

    /// <summary>A signature or magic value is not the expected one.</summary>
    BadSignature,

    /// <summary>A size, count or offset points outside the data or beyond a sane limit.</summary>
    OutOfBounds,

    /// <summary>A chunk size does not advance the reader.</summary>
    NoProgress,

    /// <summary>Compressed data could not be decompressed to the size it claims.</summary>
    Decompression,

    /// <summary>A value that is structurally valid but not understood (an unknown record type).</summary>
    Unsupported,
}
