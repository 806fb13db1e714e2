namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// Where an entry was read from, so that every piece of evidence can be traced back to the user's file:
/// a text line range (1-based, inclusive) or a binary file and byte offset. A tracev3 entry is named by the file offset
/// of its chunkset (<see cref="ByteOffset"/>) and its offset inside that chunkset once decompressed
/// (<see cref="InnerOffset"/>): together they tell one entry from every other, whatever filter was applied.
/// </summary>
public readonly record struct InputLocation(string Source, long Line, long EndLine = 0, long ByteOffset = -1, long InnerOffset = -1)
{
    /// <summary>True when the entry spans more than one text line (a joined multi-line message).</summary>
    public bool IsMultiLine => EndLine > Line;

    /// <summary>A text location of one or more lines.</summary>
    public static InputLocation Lines(string source, long first, long last) => new(source, first, last > first ? last : 0);

    /// <summary>A binary location: a file, the byte offset of the entry or its chunk, and the entry's offset inside the decompressed chunk when known.</summary>
    public static InputLocation Binary(string source, long byteOffset, long innerOffset = -1) => new(source, 0, 0, byteOffset, innerOffset);

    public override string ToString()
    {
        if (Line > 0)
        {
            return IsMultiLine ? $"{Source}:{Line}-{EndLine}" : $"{Source}:{Line}";
        }

        if (ByteOffset < 0)
        {
            return Source;
        }

        return InnerOffset >= 0 ? $"{Source}@0x{ByteOffset:x}+0x{InnerOffset:x}" : $"{Source}@0x{ByteOffset:x}";
    }
}
