using CallKitDoctor.Logging.Unified.Binary;

namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// A catalog chunk (tag 0x600B): the UUIDs, subsystem strings, processes and chunkset descriptions that the
/// chunksets after it (up to the next catalog) refer to.
/// </summary>
public sealed class Catalog
{
    private readonly Dictionary<(ulong, uint), CatalogProcess> _byProcId;
    private readonly Dictionary<ushort, CatalogProcess> _byIndex;

    private Catalog(Guid[] uuids, CatalogProcess[] processes, CatalogSubchunk[] subchunks, ulong earliest, long fileOffset)
    {
        Uuids = uuids;
        Processes = processes;
        Subchunks = subchunks;
        EarliestFirehoseTime = earliest;
        FileOffset = fileOffset;
        _byProcId = new Dictionary<(ulong, uint), CatalogProcess>(processes.Length);
        _byIndex = new Dictionary<ushort, CatalogProcess>(processes.Length);
        foreach (var p in processes)
        {
            _byProcId.TryAdd((p.FirstProcId, p.SecondProcId), p);
            _byIndex.TryAdd(p.Index, p);
        }
    }

    public IReadOnlyList<Guid> Uuids { get; }

    public IReadOnlyList<CatalogProcess> Processes { get; }

    public IReadOnlyList<CatalogSubchunk> Subchunks { get; }

    public ulong EarliestFirehoseTime { get; }

    /// <summary>Byte offset of the catalog chunk in its file.</summary>
    public long FileOffset { get; }

    /// <summary>
    /// The processes a sub chunk lists (by their entries' index), or null when one of its indexes names no process of
    /// this catalog.
    /// </summary>
    public IReadOnlyList<CatalogProcess>? ProcessesOf(CatalogSubchunk subchunk)
    {
        var found = new CatalogProcess[subchunk.ProcessIndexes.Count];
        for (var i = 0; i < found.Length; i++)
        {
            if (!_byIndex.TryGetValue(subchunk.ProcessIndexes[i], out var process))
            {
                return null;
            }

            found[i] = process;
        }

        return found;
    }

    /// <summary>The process a chunk's proc_id pair names, or null.</summary>
    public CatalogProcess? FindProcess(ulong firstProcId, uint secondProcId) =>
        _byProcId.TryGetValue((firstProcId, secondProcId), out var p) ? p : null;

    /// <summary>Parses a catalog chunk's data (after the preamble). Bad parts are skipped with an error.</summary>
    public static Catalog? Parse(ReadOnlySpan<byte> data, string file, long dataOffset, long chunkOffset, UnifiedErrorLog errors)
    {
        var r = new SpanReader(data);
        if (!r.TryReadUInt16(out var stringsOffset) || !r.TryReadUInt16(out var processesOffset) ||
            !r.TryReadUInt16(out var processCount) || !r.TryReadUInt16(out var subchunksOffset) ||
            !r.TryReadUInt16(out var subchunkCount) || !r.TrySkip(6) || !r.TryReadUInt64(out var earliest))
        {
            errors.Add(UnifiedErrorKind.Truncated, file, dataOffset, "catalog header is cut short");
            return null;
        }

        const int baseOffset = 24;
        if (processesOffset < stringsOffset || subchunksOffset < processesOffset || baseOffset + subchunksOffset > data.Length)
        {
            errors.Add(UnifiedErrorKind.OutOfBounds, file, dataOffset,
                $"catalog offsets {stringsOffset}/{processesOffset}/{subchunksOffset} are inconsistent with its {data.Length} bytes");
            return null;
        }

        var uuids = new Guid[stringsOffset / 16];
        var ur = new SpanReader(data, baseOffset);
        for (var i = 0; i < uuids.Length; i++)
        {
            ur.TryReadUuid(out uuids[i]);
        }

        var strings = data.Slice(baseOffset + stringsOffset, processesOffset - stringsOffset);
        static string StringAt(ReadOnlySpan<byte> strings, ushort offset) => CatalogStringPool.Get(SpanReader.CStringAt(strings, offset));

        Guid UuidAt(ushort index) => index < uuids.Length ? uuids[index] : Guid.Empty;

        var processes = new List<CatalogProcess>(processCount);
        var pr = new SpanReader(data[..(baseOffset + subchunksOffset)], baseOffset + processesOffset);
        for (var i = 0; i < processCount; i++)
        {
            var at = pr.Position;
            if (!pr.TryReadUInt16(out var index) || !pr.TrySkip(2) || !pr.TryReadUInt16(out var mainIndex) ||
                !pr.TryReadUInt16(out var dscIndex) || !pr.TryReadUInt64(out var first) || !pr.TryReadUInt32(out var second) ||
                !pr.TryReadUInt32(out var pid) || !pr.TryReadUInt32(out var euid) || !pr.TrySkip(4) ||
                !pr.TryReadUInt32(out var imageCount) || !pr.TrySkip(4) || (long)imageCount * 16 > pr.Remaining)
            {
                errors.Add(UnifiedErrorKind.OutOfBounds, file, dataOffset + at, $"catalog process entry {i} is cut short or claims too many images");
                break;
            }

            var images = new CatalogImage[imageCount];
            for (var j = 0; j < imageCount; j++)
            {
                pr.TryReadUInt32(out var size);
                pr.TrySkip(4);
                pr.TryReadUInt16(out var uuidIndex);
                pr.TryReadUInt32(out var low);
                pr.TryReadUInt16(out var high);
                images[j] = new CatalogImage(size, uuidIndex, UuidAt(uuidIndex), ((ulong)high << 32) | low);
            }

            if (!pr.TryReadUInt32(out var subsystemCount) || !pr.TrySkip(4) || (long)subsystemCount * 6 > pr.Remaining)
            {
                errors.Add(UnifiedErrorKind.OutOfBounds, file, dataOffset + at, $"catalog process entry {i} claims too many subsystems");
                break;
            }

            var subsystems = new CatalogSubsystem[subsystemCount];
            for (var j = 0; j < subsystemCount; j++)
            {
                pr.TryReadUInt16(out var id);
                pr.TryReadUInt16(out var subsystemOffset);
                pr.TryReadUInt16(out var categoryOffset);
                subsystems[j] = new CatalogSubsystem(id, StringAt(strings, subsystemOffset), StringAt(strings, categoryOffset));
            }

            pr.AlignTo8();
            processes.Add(new CatalogProcess
            {
                Index = index,
                MainUuidIndex = mainIndex,
                DscUuidIndex = dscIndex,
                MainUuid = UuidAt(mainIndex),
                DscUuid = UuidAt(dscIndex),
                FirstProcId = first,
                SecondProcId = second,
                ProcessId = pid,
                EffectiveUserId = euid,
                Images = images,
                Subsystems = subsystems,
            });
        }

        var subchunks = new List<CatalogSubchunk>(subchunkCount);
        var sr = new SpanReader(data, baseOffset + subchunksOffset);
        for (var i = 0; i < subchunkCount; i++)
        {
            var at = sr.Position;
            if (!sr.TryReadUInt64(out var start) || !sr.TryReadUInt64(out var end) || !sr.TryReadUInt32(out var size) ||
                !sr.TryReadUInt32(out var compression) || !sr.TryReadUInt32(out var indexCount) || (long)indexCount * 2 > sr.Remaining)
            {
                errors.Add(UnifiedErrorKind.OutOfBounds, file, dataOffset + at, $"catalog sub chunk {i} is cut short");
                break;
            }

            var indexes = new ushort[indexCount];
            for (var j = 0; j < indexes.Length; j++)
            {
                sr.TryReadUInt16(out indexes[j]);
            }

            if (!sr.TryReadUInt32(out var offsetCount) || (long)offsetCount * 2 > sr.Remaining)
            {
                errors.Add(UnifiedErrorKind.OutOfBounds, file, dataOffset + at, $"catalog sub chunk {i} is cut short");
                break;
            }

            var names = new string[offsetCount];
            for (var j = 0; j < names.Length; j++)
            {
                sr.TryReadUInt16(out var offset);
                names[j] = StringAt(strings, offset);
            }

            sr.AlignTo8();
            subchunks.Add(new CatalogSubchunk(start, end, size, compression, indexes, names));
        }

        return new Catalog(uuids, [.. processes], [.. subchunks], earliest, chunkOffset);
    }
}
