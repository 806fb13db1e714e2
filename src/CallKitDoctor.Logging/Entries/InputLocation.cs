namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// Where an entry was read from, so that every piece of evidence can be traced back to the user's file:
/// a text line range (1-based, inclusive) or a binary file and byte offset.
/// </summary>
public readonly record struct InputLocation(string Source, long Line, long EndLine = 0, long ByteOffset = -1)
{
    /// <summary>True when the entry spans more than one text line (a joined multi-line message).</summary>
    public bool IsMultiLine => EndLine > Line;

    /// <summary>A text location of one or more lines.</summary>
    public static InputLocation Lines(string source, long first, long last) => new(source, first, last > first ? last : 0);

    /// <summary>A binary location (a file and the byte offset of the entry or its chunk).</summary>
    public static InputLocation Binary(string source, long byteOffset) => new(source, 0, 0, byteOffset);

    public override string ToString()
    {
        if (Line > 0)
        {
            return IsMultiLine ? $"{Source}:{Line}-{EndLine}" : $"{Source}:{Line}";
        }

        return ByteOffset >= 0 ? $"{Source}@0x{ByteOffset:x}" : Source;
    }
}
