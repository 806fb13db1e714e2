using System.Text;
using CallKitDoctor.Scenarios.Binary;
using K4os.Compression.LZ4;

namespace CallKitDoctor.Scenarios.Tracev3;

/// <summary>
/// Writes a tracev3 file: a header chunk (0x1000), one catalog chunk (0x600B) describing the processes, their UUIDs
/// and subsystems and every chunkset, then chunksets (0x600D) of firehose chunks (0x6001) compressed as <c>bv41</c>
/// LZ4 blocks. Each firehose chunk holds consecutive log tracepoints of one process with public data under 4 KiB, as
/// logd writes them; chunksets hold up to <see cref="ChunksetTarget"/> bytes before compression.
/// </summary>
public sealed class Tracev3Writer
{
    /// <summary>Uncompressed bytes a chunkset is filled to before a new one starts.</summary>
    public const int ChunksetTarget = 64 * 1024;

    private const int FirehosePublicLimit = 0x1000 - 32;
    private readonly TraceFileInfo _info;
    private readonly List<TraceProcess> _processes = [];
    private readonly List<TraceRecord> _records = [];

    public Tracev3Writer(TraceFileInfo info) => _info = info;

    /// <summary>
    /// When true, chunksets are compressed with LZ4's fast mode instead of high compression (what logd uses is not
    /// fixed by the format; readers see the same blocks). Large benchmark archives use it to be written quickly.
    /// </summary>
    public bool FastCompression { get; init; }

    /// <summary>Records added so far.</summary>
    public int Count => _records.Count;

    /// <summary>Adds a record (its process joins the catalog on first use). Records are written in time order.</summary>
    public void Add(TraceRecord record)
    {
        if (!_processes.Contains(record.Process))
        {
            _processes.Add(record.Process);
        }

        _records.Add(record);
    }

    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        Write(stream);
        return stream.ToArray();
    }

    public void Write(Stream output)
    {
        var ordered = _records.OrderBy(static r => r.MachTime).ToList();
        var chunksets = BuildChunksets(ordered);
        var file = new ByteWriter(1024);
        Chunk(file, 0x1000, Header());
        Chunk(file, 0x600B, Catalog(chunksets));
        foreach (var set in chunksets)
        {
            Chunk(file, 0x600D, Compress(set.Content));
        }

        output.Write(file.Written);
    }

    private sealed record Chunkset(byte[] Content, ulong Start, ulong End, List<TraceProcess> Processes);

    private List<Chunkset> BuildChunksets(List<TraceRecord> ordered)
    {
        var sets = new List<Chunkset>();
        var content = new ByteWriter(ChunksetTarget);
        var processes = new List<TraceProcess>();
        ulong start = 0, end = 0;
        var i = 0;
        while (i < ordered.Count)
        {
            // One firehose chunk: consecutive records of one process, public data under the limit.
            var process = ordered[i].Process;
            var baseTime = ordered[i].MachTime;
            var body = new ByteWriter(1024);
            var first = true;
            while (i < ordered.Count && ordered[i].Process == process)
            {
                var tracepoint = Tracepoint(ordered[i], baseTime);
                if (!first && body.Length + tracepoint.Length > FirehosePublicLimit)
                {
                    break;
                }

                body.Bytes(tracepoint);
                end = Math.Max(end, ordered[i].MachTime);
                first = false;
                i++;
            }

            if (content.Length == 0)
            {
                start = baseTime;
            }

            var firehose = new ByteWriter(body.Length + 32)
                .U64(process.FirstProcId).U32(process.SecondProcId)
                .U8(0).U8(0).U16(0)                                     // ttl, collapsed, unknown
                .U16((ushort)(16 + body.Length)).U16(0x1000)            // public data size, private data virtual offset (none)
                .U16(0).U8(0).U8(0)                                     // unknown, unknown, stream type (persist)
                .U64(baseTime)
                .Bytes(body.Written);
            Chunk(content, 0x6001, firehose.ToArray());
            if (!processes.Contains(process))
            {
                processes.Add(process);
            }

            if (content.Length >= ChunksetTarget)
            {
                sets.Add(new Chunkset(content.ToArray(), start, end, processes));
                content = new ByteWriter(ChunksetTarget);
                processes = [];
            }
        }

        if (content.Length > 0)
        {
            sets.Add(new Chunkset(content.ToArray(), start, end, processes));
        }

        return sets;
    }

    private static byte[] Tracepoint(TraceRecord record, ulong baseTime)
    {
        var data = new ByteWriter(64);
        data.U32(record.ProgramCounter);
        if (record.SubsystemId != 0)
        {
            data.U16(record.SubsystemId);
        }

        WriteItems(data, record.Arguments);
        var flags = (ushort)((record.FromSharedCache ? 0x0004 : 0x0002) | (record.SubsystemId != 0 ? 0x0200 : 0));
        var delta = record.MachTime - baseTime;
        return new ByteWriter(24 + data.Length + 8)
            .U8(0x04).U8(record.LogType).U16(flags).U32(record.FormatOffset).U64(record.ThreadId)
            .U32((uint)delta).U16((ushort)(delta >> 32)).U16((ushort)data.Length)
            .Bytes(data.Written).Align8()
            .ToArray();
    }

    /// <summary>The os_log argument buffer: summary flags, count, item descriptors with their data, then string values.</summary>
    private static void WriteItems(ByteWriter data, IReadOnlyList<TraceArgument> arguments)
    {
        if (arguments.Count == 0)
        {
            data.U8(0).U8(0);
            return;
        }

        var values = new ByteWriter(64);
        byte summary = 0;
        foreach (var a in arguments)
        {
            summary |= (byte)((a.IsPrivate ? 0x01 : 0) | (a.Kind != TraceArgumentKind.Scalar ? 0x02 : 0));
        }

        data.U8(summary).U8((byte)arguments.Count);
        foreach (var a in arguments)
        {
            data.U8(a.ItemType);
            switch (a.Kind)
            {
                case TraceArgumentKind.Scalar when a.IsPrivate:
                    data.U8(a.Size).Zeros(a.Size); // redacted: the value is not stored
                    break;
                case TraceArgumentKind.Scalar when a.Size == 8:
                    data.U8(8).U64(a.Value);
                    break;
                case TraceArgumentKind.Scalar:
                    data.U8(4).U32((uint)a.Value);
                    break;
                case not TraceArgumentKind.Scalar when a.IsPrivate:
                    data.U8(4).U16(0).U16(0);
                    break;
                default:
                    var text = a.Text ?? string.Empty;
                    var size = Encoding.UTF8.GetByteCount(text) + 1;
                    data.U8(4).U16((ushort)values.Length).U16((ushort)size);
                    values.CString(text);
                    break;
            }
        }

        data.Bytes(values.Written);
    }

    private byte[] Header()
    {
        var wall = _info.WallClock.ToUniversalTime();
        var unixTicks = wall.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new ByteWriter(160)
            .U32(_info.TimebaseNumerator).U32(_info.TimebaseDenominator).U64(_info.ContinuousTime)
            .U32((uint)(unixTicks / TimeSpan.TicksPerSecond)).U32((uint)(unixTicks % TimeSpan.TicksPerSecond / 10))
            .U32(0).I32(_info.MinutesWest).U32(_info.DaylightSavings ? 1u : 0u).U32(1)
            .U32(0x6100).U32(8).U64(_info.ContinuousTime)
            .U32(0x6101).U32(56).U32(0).U32(0).Fixed(_info.BuildVersion, 16).Fixed(_info.HardwareModel, 32)
            .U32(0x6102).U32(24).Uuid(_info.BootUuid).U32(_info.LogdProcessId).U32(0)
            .U32(0x6103).U32(48).Fixed("/var/db/timezone/zoneinfo/" + _info.TimeZoneName, 48)
            .ToArray();
    }

    private byte[] Catalog(List<Chunkset> chunksets)
    {
        var uuids = new List<Guid>();
        ushort UuidIndex(Guid uuid)
        {
            if (uuid == Guid.Empty)
            {
                return 0xFFFF;
            }

            var at = uuids.IndexOf(uuid);
            if (at < 0)
            {
                uuids.Add(uuid);
                at = uuids.Count - 1;
            }

            return (ushort)at;
        }

        foreach (var p in _processes)
        {
            UuidIndex(p.MainUuid);
            UuidIndex(p.DscUuid);
        }

        // Subsystem strings, each once.
        var strings = new ByteWriter(256);
        var stringOffsets = new Dictionary<string, ushort>(StringComparer.Ordinal);
        ushort StringOffset(string s)
        {
            if (!stringOffsets.TryGetValue(s, out var offset))
            {
                offset = (ushort)strings.Length;
                stringOffsets[s] = offset;
                strings.CString(s);
            }

            return offset;
        }

        foreach (var p in _processes)
        {
            foreach (var s in p.Subsystems)
            {
                StringOffset(s.Subsystem);
                StringOffset(s.Category);
            }
        }

        strings.Align8();

        var processes = new ByteWriter(256);
        for (var i = 0; i < _processes.Count; i++)
        {
            var p = _processes[i];
            processes.U16((ushort)i).U16(0).U16(UuidIndex(p.MainUuid)).U16(UuidIndex(p.DscUuid))
                .U64(p.FirstProcId).U32(p.SecondProcId).U32(p.ProcessId).U32(p.EffectiveUserId).U32(0)
                .U32(0).U32(0) // no extra image entries: senders are the main executable or the shared cache
                .U32((uint)p.Subsystems.Count).U32(0);
            foreach (var s in p.Subsystems)
            {
                processes.U16(s.Id).U16(StringOffset(s.Subsystem)).U16(StringOffset(s.Category));
            }

            processes.Align8();
        }

        var subchunks = new ByteWriter(128);
        foreach (var set in chunksets)
        {
            subchunks.U64(set.Start).U64(set.End).U32((uint)set.Content.Length).U32(0x100).U32((uint)set.Processes.Count);
            foreach (var p in set.Processes)
            {
                subchunks.U16((ushort)_processes.IndexOf(p));
            }

            var offsets = set.Processes.SelectMany(static p => p.Subsystems).Select(s => stringOffsets[s.Subsystem]).Distinct().ToList();
            subchunks.U32((uint)offsets.Count);
            foreach (var offset in offsets)
            {
                subchunks.U16(offset);
            }

            subchunks.Align8();
        }

        var uuidBytes = uuids.Count * 16;
        var stringsEnd = uuidBytes + strings.Length;
        var processesEnd = stringsEnd + processes.Length;
        var catalog = new ByteWriter(24 + processesEnd + subchunks.Length)
            .U16((ushort)uuidBytes).U16((ushort)stringsEnd).U16((ushort)_processes.Count)
            .U16((ushort)processesEnd).U16((ushort)chunksets.Count).Zeros(6)
            .U64(chunksets.Count > 0 ? chunksets[0].Start : 0);
        foreach (var uuid in uuids)
        {
            catalog.Uuid(uuid);
        }

        return catalog.Bytes(strings.Written).Bytes(processes.Written).Bytes(subchunks.Written).ToArray();
    }

    private byte[] Compress(byte[] content)
    {
        var target = new byte[LZ4Codec.MaximumOutputSize(content.Length)];
        var size = LZ4Codec.Encode(content, target, FastCompression ? LZ4Level.L00_FAST : LZ4Level.L09_HC);
        return new ByteWriter(size + 16)
            .U32(0x31347662).U32((uint)content.Length).U32((uint)size).Bytes(target.AsSpan(0, size))
            .U32(0x24347662)
            .ToArray();
    }

    private static void Chunk(ByteWriter file, uint tag, byte[] data)
    {
        file.U32(tag).U32(0x11).U64((ulong)data.Length).Bytes(data).Align8();
    }
}
