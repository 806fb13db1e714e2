using K4os.Compression.LZ4;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>Builds small tracev3 files: a header, a catalog with one process, and chunksets of firehose tracepoints.</summary>
internal static class Tracev3Image
{
    public static readonly Guid Boot = Guid.Parse("A6EBC8E3-0A1C-40E8-93B9-DA3A7F671D19");
    public static readonly Guid MainUuid = Guid.Parse("D5A2BDF8-5C5E-34DC-A530-EF59A6121E41");
    public static readonly Guid DscUuid = Guid.Parse("671E0820-86AB-3339-A384-01EFBD8017A4");
    public const ulong FirstProcId = 449241;
    public const uint SecondProcId = 1345727;
    public const uint Pid = 49824;
    public const ulong BaseTime = 96_370_000_000_000;

    public static ByteImage Chunk(uint tag, byte[] data, uint subTag = 0x11) =>
        new ByteImage().U32(tag).U32(subTag).U64((ulong)data.Length).Bytes(data).Align8();

    public static byte[] Header(uint numerator = 125, uint denominator = 3) =>
        new ByteImage()
            .U32(numerator).U32(denominator).U64(69_487_032_292_802).U32(1_649_855_670).U32(0).U32(0).I32(300).U32(1).U32(1)
            .U32(0x6100).U32(8).U64(69_487_032_292_802)
            .U32(0x6101).U32(56).U32(0).U32(0).Fixed("19D52", 16).Fixed("J96AP", 32)
            .U32(0x6102).U32(24).Uuid(Boot).U32(30).U32(0)
            .U32(0x6103).U32(48).Fixed("/var/db/timezone/zoneinfo/America/Toronto", 48)
            .ToArray();

    /// <summary>A catalog with UUIDs [main, dsc], strings "com.example.demo\0calls\0" and one process with subsystem 7.</summary>
    public static byte[] Catalog()
    {
        var strings = new ByteImage().CString("com.example.demo").CString("calls").Align8().ToArray();
        var process = new ByteImage()
            .U16(0).U16(0).U16(0).U16(1).U64(FirstProcId).U32(SecondProcId).U32(Pid).U32(501).U32(0)
            .U32(0).U32(0) // no image entries
            .U32(1).U32(0).U16(7).U16(0).U16(17)
            .Align8()
            .ToArray();
        var uuidsSize = 32;
        var subchunk = new ByteImage().U64(BaseTime).U64(BaseTime + 1000).U32(4096).U32(0x100).U32(1).U16(0).U32(0).Align8().ToArray();
        return new ByteImage()
            .U16((ushort)uuidsSize).U16((ushort)(uuidsSize + strings.Length)).U16(1)
            .U16((ushort)(uuidsSize + strings.Length + process.Length)).U16(1).Zeros(6).U64(BaseTime)
            .Uuid(MainUuid).Uuid(DscUuid).Bytes(strings).Bytes(process).Bytes(subchunk)
            .ToArray();
    }

    /// <summary>
    /// A log tracepoint from the main executable with activity id, subsystem 7 and one public string item
    /// "hi" (values data after the item).
    /// </summary>
    public static byte[] LogTracepoint(byte logType, uint formatOffset, ulong thread, uint delta, uint activity, uint pc)
    {
        var data = new ByteImage()
            .U32(activity).U32(0x8000_0000) // current activity id + sentinel
            .U32(pc)                          // UUID entry load address (main executable)
            .U16(7)                           // subsystem
            .U8(0x00).U8(1)                   // items header: unknown, 1 item
            .U8(0x22).U8(4).U16(0).U16(3)     // public string item: offset 0, size 3
            .CString("hi")
            .ToArray();
        const ushort flags = 0x0001 | 0x0002 | 0x0200;
        return new ByteImage()
            .U8(0x04).U8(logType).U16(flags).U32(formatOffset).U64(thread).U32(delta).U16(0).U16((ushort)data.Length)
            .Bytes(data).Align8()
            .ToArray();
    }

    /// <summary>Any tracepoint: the 24-byte header and <paramref name="data"/>, padded to 8 bytes.</summary>
    public static byte[] Tracepoint(byte recordType, byte logType, ushort flags, uint format, ulong thread, uint delta, byte[] data) =>
        new ByteImage()
            .U8(recordType).U8(logType).U16(flags).U32(format).U64(thread).U32(delta).U16(0).U16((ushort)data.Length)
            .Bytes(data).Align8()
            .ToArray();

    /// <summary>A firehose chunk whose private data (at the end of the chunk) is <paramref name="privateData"/>.</summary>
    public static byte[] FirehoseWithPrivate(byte[] privateData, params byte[][] tracepoints)
    {
        var body = tracepoints.SelectMany(t => t).ToArray();
        return new ByteImage()
            .U64(FirstProcId).U32(SecondProcId).U8(0).U8(0).U16(0)
            .U16((ushort)(16 + body.Length)).U16((ushort)(0x1000 - privateData.Length)).U16(0).U8(0).U8(0).U64(BaseTime)
            .Bytes(body).Bytes(privateData)
            .ToArray();
    }

    public static byte[] Firehose(params byte[][] tracepoints)
    {
        var body = tracepoints.SelectMany(t => t).ToArray();
        return new ByteImage()
            .U64(FirstProcId).U32(SecondProcId).U8(0).U8(0).U16(0)
            .U16((ushort)(16 + body.Length)).U16(0x1000).U16(0).U8(0).U8(0).U64(BaseTime)
            .Bytes(body)
            .ToArray();
    }

    public static byte[] StateDump(string title, byte[] payload, ulong activity) =>
        new ByteImage()
            .U64(FirstProcId).U32(SecondProcId).U8(14).Zeros(3).U64(BaseTime + 500).U64(activity | 0x8000_0000_0000_0000)
            .Uuid(MainUuid).U32(1).U32((uint)payload.Length).Zeros(128).Fixed(title, 64).Bytes(payload)
            .ToArray();

    /// <summary>The decompressed content of a chunkset holding the given inner chunks.</summary>
    public static byte[] ChunksetContent(params (uint Tag, byte[] Data)[] chunks)
    {
        var image = new ByteImage();
        foreach (var (tag, data) in chunks)
        {
            image.Append(Chunk(tag, data));
        }

        return image.ToArray();
    }

    public static byte[] Uncompressed(byte[] content) =>
        new ByteImage().U32(0x2D347662).U32((uint)content.Length).Bytes(content).U32(0x24347662).ToArray();

    public static byte[] Lz4(byte[] content)
    {
        var target = new byte[LZ4Codec.MaximumOutputSize(content.Length)];
        var size = LZ4Codec.Encode(content, target);
        return new ByteImage().U32(0x31347662).U32((uint)content.Length).U32((uint)size).Bytes(target.AsSpan(0, size)).U32(0x24347662).ToArray();
    }

    /// <summary>A whole file: header, catalog, then one chunkset per block.</summary>
    public static byte[] File(params byte[][] chunksetBlocks)
    {
        var image = new ByteImage().Append(Chunk(0x1000, Header())).Append(Chunk(0x600B, Catalog()));
        foreach (var block in chunksetBlocks)
        {
            image.Append(Chunk(0x600D, block));
        }

        return image.ToArray();
    }

    /// <summary>The standard sample: two log tracepoints and a statedump.</summary>
    public static byte[] SampleContent() => ChunksetContent(
        (0x6001, Firehose(
            LogTracepoint(0x00, 0x1234, 42, 10, 77, 0x4000),
            LogTracepoint(0x10, 0x1300, 43, 25, 78, 0x4100))),
        (0x6003, StateDump("DemoState", [1, 2, 3, 4], 99)));
}
