namespace CallKitDoctor.Scenarios.Strings;

/// <summary>One image of a shared cache being written: its text range in the cache and its format strings.</summary>
public sealed class DscImage
{
    internal DscImage(int index, Guid uuid, string path, ulong textOffset, uint textSize)
    {
        Index = index;
        Uuid = uuid;
        Path = path;
        TextOffset = textOffset;
        TextSize = textSize;
    }

    public int Index { get; }

    public Guid Uuid { get; }

    public string Path { get; }

    /// <summary>Shared-cache offset of the image's text.</summary>
    public ulong TextOffset { get; }

    public uint TextSize { get; }

    /// <summary>A program counter inside the image's text (what a tracepoint stores as its sender address).</summary>
    public uint ProgramCounter(uint offsetInImage = 0x1000) => (uint)(TextOffset + Math.Min(offsetInImage, TextSize - 1));

    internal List<string> Strings { get; } = [];

    internal Dictionary<string, ulong> Offsets { get; } = new(StringComparer.Ordinal);

    internal uint StringBytes { get; set; }

    /// <summary>Shared-cache offset of the image's string range (in the second half of its text).</summary>
    internal ulong RangeOffset => TextOffset + (TextSize / 2);
}
