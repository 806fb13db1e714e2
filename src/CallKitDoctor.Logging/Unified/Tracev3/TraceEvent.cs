namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// One event read from a tracev3 file: a firehose tracepoint (log, activity, trace, signpost, loss) or a
/// statedump/simpledump chunk. A plain value filled in place by <see cref="Tracev3Reader"/> (no allocation per
/// event); its <see cref="ItemsOffset"/>/<see cref="PrivateDataOffset"/> point into the reader's current buffer, valid
/// until the next <see cref="Tracev3Reader.MoveNext"/>.
/// </summary>
public struct TraceEvent
{
    public TraceEventKind Kind;

    /// <summary>Firehose record type byte (0 for dumps).</summary>
    public byte RecordType;

    /// <summary>Firehose log type byte (level, activity kind or signpost kind).</summary>
    public byte LogType;

    public TracepointFlags Flags;

    /// <summary>The lower 32 bits of the format string reference as stored.</summary>
    public uint FormatStringReference;

    public ulong ThreadId;

    /// <summary>Mach continuous time of the event.</summary>
    public ulong MachTime;

    public ulong FirstProcId;

    public uint SecondProcId;

    /// <summary>The catalog process the proc_id pair names (null when the catalog has no such process).</summary>
    public CatalogProcess? Process;

    public ulong ActivityId;

    public ulong OtherActivityId;

    public ulong NewActivityId;

    public ulong UniquePid;

    public ushort SubsystemId;

    /// <summary>The subsystem and category (null when the tracepoint names none or the catalog lacks it).</summary>
    public CatalogSubsystem? Subsystem;

    /// <summary>The lower 32 bits of the UUID entry load address (sender program counter).</summary>
    public uint PcOffset;

    public ushort LargeOffset;

    public ushort LargeSharedCache;

    public ushort AbsoluteUpper;

    public Guid RelativeUuid;

    public byte Ttl;

    public ushort DataReference;

    public ulong SignpostId;

    public uint SignpostNameReference;

    public ushort PrivateRangeOffset;

    public ushort PrivateRangeSize;

    /// <summary>Offset of the data items (count byte pair first) in the reader's buffer; length 0 when none.</summary>
    public int ItemsOffset;

    public int ItemsLength;

    /// <summary>Offset and length of the firehose chunk's private data in the reader's buffer (0 length when none).</summary>
    public int PrivateDataOffset;

    public int PrivateDataLength;

    /// <summary>The private data virtual offset of the firehose chunk (0x1000 when there is no private data).</summary>
    public ushort PrivateDataVirtualOffset;

    public ulong LossStart;

    public ulong LossEnd;

    public ulong LossCount;

    /// <summary>Statedump: data type (1 plist, 2 protobuf, 3 custom) and the dump's UUID.</summary>
    public uint DumpDataType;

    public Guid DumpUuid;

    /// <summary>Statedump title / simpledump subsystem (allocated; dumps are rare).</summary>
    public string? DumpName;

    /// <summary>Statedump objects (data type 3): the decoder library and type (<c>location</c>, <c>_CLLocationManagerStateTrackerState</c>).</summary>
    public string? DumpLibrary;

    public string? DumpType;

    /// <summary>Simpledump message.</summary>
    public string? DumpMessage;

    public int DumpDataOffset;

    public int DumpDataLength;

    /// <summary>Byte offset in the file of the top-level chunk that holds the event.</summary>
    public long ChunkFileOffset;

    /// <summary>Offset of the event inside the decompressed chunkset data (or the chunk, when not in a chunkset).</summary>
    public int InnerOffset;

    /// <summary>Where the format string lives.</summary>
    public readonly StringsFileType StringsFileType => (StringsFileType)((ushort)Flags & 0x000E);

    /// <summary><c>traceID</c> as <c>log</c> prints it: format reference, flags, log type and record type.</summary>
    public readonly ulong TraceId =>
        Kind is TraceEventKind.StateDump or TraceEventKind.SimpleDump
            ? 0
            : ((ulong)FormatStringReference << 32) | ((ulong)(ushort)Flags << 16) | ((ulong)LogType << 8) | RecordType;

    /// <summary>The process id from the catalog (0 when unknown).</summary>
    public readonly uint ProcessId => Process?.ProcessId ?? 0;

    /// <summary>The image that logged: main executable, shared cache, the tracepoint's UUID, or the absolute image.</summary>
    public readonly Guid SenderImageUuid => StringsFileType switch
    {
        StringsFileType.MainExecutable => Process?.MainUuid ?? Guid.Empty,
        StringsFileType.SharedCache or StringsFileType.LargeSharedCache => Process?.DscUuid ?? Guid.Empty,
        StringsFileType.UuidRelative => RelativeUuid,
        StringsFileType.Absolute when Process is not null && Process.TryFindImage(AbsoluteAddress, out var image) => image.Uuid,
        _ => Guid.Empty,
    };

    /// <summary>The 48-bit absolute load address of an absolute tracepoint.</summary>
    public readonly ulong AbsoluteAddress => ((ulong)AbsoluteUpper << 32) | PcOffset;

    /// <summary><c>senderProgramCounter</c>: the program counter relative to the sender image.</summary>
    public readonly ulong SenderProgramCounter
    {
        get
        {
            if (StringsFileType == StringsFileType.Absolute && Process is not null && Process.TryFindImage(AbsoluteAddress, out var image))
            {
                return AbsoluteAddress - image.LoadAddress;
            }

            return PcOffset;
        }
    }

    /// <summary>The format string offset to look up in the strings file (large offsets folded in).</summary>
    public readonly ulong FormatStringOffset
    {
        get
        {
            var low = (ulong)(FormatStringReference & 0x7FFF_FFFF);
            return StringsFileType switch
            {
                StringsFileType.LargeSharedCache => ((ulong)LargeSharedCache << 31) | low,
                _ when (Flags & TracepointFlags.HasLargeOffset) != 0 => ((ulong)LargeOffset << 31) | low,
                _ => FormatStringReference,
            };
        }
    }

    /// <summary>True when the top bit of the format reference marks a dynamic (<c>%s</c>) format.</summary>
    public readonly bool IsDynamicFormat => (FormatStringReference & 0x8000_0000) != 0 && StringsFileType != StringsFileType.LargeSharedCache &&
        (Flags & TracepointFlags.HasLargeOffset) == 0;
}
