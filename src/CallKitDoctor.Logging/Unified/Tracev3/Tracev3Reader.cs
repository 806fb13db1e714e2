using System.Buffers.Binary;
using System.Text;
using CallKitDoctor.Logging.Unified.Binary;

namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// Streams the events of one tracev3 file: reads top-level chunks one at a time (header, catalogs, chunksets),
/// decompresses each chunkset into a reused buffer and walks its firehose, oversize, statedump and simpledump chunks.
/// Memory is bounded by the largest chunk, never the file. Corrupt data is recorded in <see cref="Errors"/> (file and
/// byte offset) and reading goes on where it safely can; nothing is thrown for bad input.
/// </summary>
/// <remarks>Use: <c>while (reader.MoveNext()) { ref readonly var e = ref reader.Current; ... }</c>.</remarks>
public sealed class Tracev3Reader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _length;
    private readonly List<Catalog> _catalogs = [];
    private readonly OversizeStore _oversize;
    private long _position;
    // Compressed chunk bytes are only needed while a chunk is parsed or decompressed: one buffer per thread serves
    // every reader on it, so a reader left open (a time-ordered merge keeps one per overlapping file) holds only its
    // decompressed chunkset.
    [ThreadStatic]
    private static byte[]? t_chunk;
    // Rented from ChunksetBufferPool on the first chunkset; given back on Dispose and Park.
    private byte[] _inner = [];
    private bool _parked;
    private int _innerLength;
    private int _innerPosition;
    private long _chunksetOffset;
    private int _chunksetsSinceCatalog;
    private Mode _mode;
    private TraceEvent _current;

    // The firehose chunk being walked.
    private int _tracepointStart;
    private int _tracepointPosition;
    private int _tracepointEnd;
    private int _privateOffset;
    private int _privateLength;
    private ushort _privateVirtualOffset;
    private ulong _baseTime;
    private ulong _firstProcId;
    private uint _secondProcId;
    private CatalogProcess? _process;

    private enum Mode
    {
        TopLevel,
        Chunkset,
        Firehose,
        Done,
    }

    /// <param name="stream">The file's bytes (read forward only; seeking is used when available).</param>
    /// <param name="file">The name used in errors.</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open on dispose.</param>
    /// <param name="oversize">Where oversize data is kept (shared between the files of an archive); a new store when null.</param>
    public Tracev3Reader(Stream stream, string file, bool leaveOpen = false, OversizeStore? oversize = null)
    {
        _stream = stream;
        _oversize = oversize ?? new OversizeStore();
        _leaveOpen = leaveOpen;
        File = file;
        _length = stream.CanSeek ? stream.Length - stream.Position : -1;
    }

    /// <summary>
    /// Opens a file for reading. The stream is unbuffered: the reader reads whole chunks (a preamble, then the chunk
    /// into its scratch buffer), so a stream buffer would only be 4 KB more per open file (a time-ordered merge keeps
    /// hundreds open).
    /// </summary>
    public static Tracev3Reader Open(string path, OversizeStore? oversize = null) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan), path, false, oversize);

    /// <summary>The file name used in errors.</summary>
    public string File { get; }

    /// <summary>The header chunk, once read (null when the file has none).</summary>
    public TraceHeader? Header { get; private set; }

    /// <summary>
    /// When false, a new catalog replaces the earlier ones in <see cref="Catalogs"/> (only the latest is read on), so a
    /// reader kept open side by side with many others holds one catalog. Default: true (every catalog is kept).
    /// </summary>
    public bool KeepEarlierCatalogs { get; set; } = true;

    /// <summary>The catalogs read so far.</summary>
    public IReadOnlyList<Catalog> Catalogs => _catalogs;

    /// <summary>Chunk and event counts so far.</summary>
    public Tracev3Statistics Statistics { get; } = new();

    /// <summary>Problems met so far.</summary>
    public UnifiedErrorLog Errors { get; } = new();

    /// <summary>The current event (valid until the next <see cref="MoveNext"/>).</summary>
    public ref readonly TraceEvent Current => ref _current;

    /// <summary>The buffer the current event's offsets point into.</summary>
    public ReadOnlySpan<byte> CurrentBuffer => _mode == Mode.TopLevel || _parked ? default : _inner.AsSpan(0, _innerLength);

    /// <summary>The data items of the current tracepoint (empty when none).</summary>
    public ReadOnlySpan<byte> CurrentItems => CurrentBuffer.Slice(_current.ItemsOffset, _current.ItemsLength);

    /// <summary>The private data of the current tracepoint's firehose chunk (empty when none).</summary>
    public ReadOnlySpan<byte> CurrentPrivateData => CurrentBuffer.Slice(_current.PrivateDataOffset, _current.PrivateDataLength);

    /// <summary>The current statedump's data (empty for other events).</summary>
    public ReadOnlySpan<byte> CurrentDumpData => CurrentBuffer.Slice(_current.DumpDataOffset, _current.DumpDataLength);

    /// <summary>
    /// Decides from a firehose chunk's base mach time (every tracepoint in it is at or after that time) whether to walk
    /// it: return false to skip the whole chunk without producing its events. Null (the default) walks every chunk.
    /// </summary>
    public Func<ulong, bool>? FirehoseFilter { get; set; }

    /// <summary>
    /// Decides from a catalog process whether its firehose chunks may hold wanted events: return false to skip the
    /// chunk unwalked (a firehose chunk holds one process's tracepoints). Null (the default) walks every chunk.
    /// </summary>
    public Func<CatalogProcess?, bool>? ProcessFilter { get; set; }

    /// <summary>
    /// Decides from the catalog's description of a chunkset whether to decompress it: return false to skip it whole.
    /// Asked only when the description's uncompressed size matches the chunkset's, so that a catalog out of step with
    /// its chunksets never hides one. Null (the default) reads every chunkset.
    /// </summary>
    public Func<Catalog, CatalogSubchunk, bool>? ChunksetFilter { get; set; }

    /// <summary>
    /// Reads the file's first chunk when nothing has been read yet and returns the header (null when the file does not
    /// start with one). Reading then goes on with <see cref="MoveNext"/> as usual.
    /// </summary>
    public TraceHeader? PeekHeader()
    {
        if (_position == 0 && _mode == Mode.TopLevel && !NextTopLevelChunk())
        {
            Finish();
        }

        return Header;
    }

    /// <summary>The oversize data read so far (and by other readers sharing the store).</summary>
    public OversizeStore Oversize => _oversize;

    /// <summary>Advances to the next event; false at the end of the file.</summary>
    public bool MoveNext()
    {
        if (_parked)
        {
            Unpark();
        }

        while (true)
        {
            switch (_mode)
            {
                case Mode.Firehose:
                    if (NextTracepoint())
                    {
                        return true;
                    }

                    _mode = Mode.Chunkset;
                    break;
                case Mode.Chunkset:
                    if (NextInnerChunk(out var produced))
                    {
                        if (produced)
                        {
                            return true;
                        }
                    }
                    else
                    {
                        _mode = Mode.TopLevel;
                    }

                    break;
                case Mode.TopLevel:
                    if (!NextTopLevelChunk())
                    {
                        Finish();
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Whether the reader holds a decompressed chunkset buffer (rented from <see cref="ChunksetBufferPool"/>): not
    /// before the first chunkset, while parked, or once the file is read to its end.
    /// </summary>
    public bool HoldsBuffer => _inner.Length > 0;

    /// <summary>
    /// The end of the file: the chunkset buffer goes back to the pool at once, not when the reader is disposed (a
    /// time-ordered merge keeps a file that has ended open until its last event is taken; files that end together
    /// would otherwise each hold a buffer until then).
    /// </summary>
    private void Finish()
    {
        _mode = Mode.Done;
        _innerLength = 0;
        ReleaseBuffer();
    }

    /// <summary>Gives the chunkset buffer back to <see cref="ChunksetBufferPool"/> (the pool ignores the empty one).</summary>
    private void ReleaseBuffer()
    {
        ChunksetBufferPool.Return(_inner);
        _inner = [];
    }

    /// <summary>Reads the rest of the file, discarding events (fills header, catalogs, statistics and errors).</summary>
    public void ReadToEnd()
    {
        while (MoveNext())
        {
        }
    }

    /// <summary>
    /// Makes a reader that is left open cheap to keep: gives its decompressed chunkset back to
    /// <see cref="ChunksetBufferPool"/> and forgets the catalogs before the latest (only the latest is read on). The next
    /// <see cref="MoveNext"/> reads and decompresses the current chunkset again and goes on where it stopped. Until
    /// then the current event's data (<see cref="CurrentItems"/> and the like) must not be read; <see cref="CurrentBuffer"/>
    /// is empty. Does nothing when the stream cannot seek.
    /// </summary>
    public void Park()
    {
        if (_parked || !_stream.CanSeek)
        {
            return;
        }

        if (_catalogs.Count > 1)
        {
            _catalogs.RemoveRange(0, _catalogs.Count - 1);
        }

        ReleaseBuffer();
        _parked = true;
    }

    /// <summary>
    /// Takes back a parked reader's buffer (decompressing its chunkset again) without moving, so the current event's
    /// data can be read; nothing when it is not parked. <see cref="MoveNext"/> does this itself.
    /// </summary>
    public void Resume()
    {
        if (_parked)
        {
            Unpark();
        }
    }

    /// <summary>Re-reads and decodes the chunkset the walk stopped in (see <see cref="Park"/>), then seeks back.</summary>
    private void Unpark()
    {
        _parked = false;
        if (_mode is not (Mode.Chunkset or Mode.Firehose))
        {
            return;
        }

        var origin = _stream.Position - _position;
        var expected = _innerLength;
        _innerLength = 0;
        Span<byte> preamble = stackalloc byte[ChunkTag.PreambleSize];
        _stream.Seek(origin + _chunksetOffset, SeekOrigin.Begin);
        if (_stream.ReadAtLeast(preamble, preamble.Length, throwOnEndOfStream: false) == preamble.Length)
        {
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(preamble[8..]), Tracev3Limits.MaxChunkBytes);
            var chunk = t_chunk is { } scratch && scratch.Length >= size ? scratch : t_chunk = new byte[Math.Max(size, 64 * 1024)];
            if (_stream.ReadAtLeast(chunk.AsSpan(0, size), size, throwOnEndOfStream: false) == size)
            {
                _inner = ChunksetBufferPool.Rent();
                _innerLength = ChunksetDecoder.Decode(chunk.AsSpan(0, size), ref _inner, File, _chunksetOffset + ChunkTag.PreambleSize, new UnifiedErrorLog());
            }
        }

        _stream.Seek(origin + _position, SeekOrigin.Begin);
        if (_innerLength != expected)
        {
            Errors.Add(UnifiedErrorKind.Truncated, File, _chunksetOffset, "chunkset changed on disk while its reader was parked; rest of chunkset skipped");
            _innerLength = 0;
            _mode = Mode.TopLevel;
        }
    }

    public void Dispose()
    {
        ReleaseBuffer();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private bool NextTopLevelChunk()
    {
        Span<byte> preamble = stackalloc byte[ChunkTag.PreambleSize];
        var start = _position;
        var got = ReadFully(preamble);
        if (got == 0)
        {
            return false;
        }

        if (got < ChunkTag.PreambleSize)
        {
            Errors.Add(UnifiedErrorKind.Truncated, File, start, $"{got} trailing bytes are not a chunk preamble");
            return false;
        }

        var tag = BinaryPrimitives.ReadUInt32LittleEndian(preamble);
        var size = BinaryPrimitives.ReadUInt64LittleEndian(preamble[8..]);
        var dataOffset = start + ChunkTag.PreambleSize;
        if (_length >= 0 && size > (ulong)(_length - dataOffset))
        {
            Errors.Add(UnifiedErrorKind.OutOfBounds, File, start, $"chunk 0x{tag:x} claims {size} bytes, {_length - dataOffset} remain");
            return false;
        }

        if (size > Tracev3Limits.MaxChunkBytes)
        {
            Errors.Add(UnifiedErrorKind.OutOfBounds, File, start, $"chunk 0x{tag:x} of {size} bytes exceeds the {Tracev3Limits.MaxChunkBytes}-byte limit; skipped");
            return Skip(SpanReader.Align8((long)size)) && true;
        }

        var length = (int)size;
        var chunk = t_chunk ??= new byte[64 * 1024];
        if (chunk.Length < length)
        {
            chunk = t_chunk = new byte[Math.Max(length, chunk.Length * 2)];
        }

        var read = ReadFully(chunk.AsSpan(0, length));
        if (read < length)
        {
            Errors.Add(UnifiedErrorKind.Truncated, File, start, $"chunk 0x{tag:x} claims {size} bytes, only {read} could be read");
            return false;
        }

        var padding = (int)(SpanReader.Align8(length) - length);
        if (padding > 0 && (_length < 0 || _position + padding <= _length))
        {
            Skip(padding);
        }

        var data = chunk.AsSpan(0, length);
        switch (tag)
        {
            case ChunkTag.Header:
                Statistics.HeaderChunks++;
                Header ??= TraceHeader.Parse(data, File, dataOffset, Errors);
                break;
            case ChunkTag.Catalog:
                Statistics.CatalogChunks++;
                if (Catalog.Parse(data, File, dataOffset, start, Errors) is { } catalog)
                {
                    if (!KeepEarlierCatalogs)
                    {
                        _catalogs.Clear();
                    }

                    _catalogs.Add(catalog);
                    _chunksetsSinceCatalog = 0;
                }

                break;
            case ChunkTag.Chunkset:
                Statistics.Chunksets++;
                if (ChunksetFilter is { } keep && !KeepChunkset(keep, data))
                {
                    Statistics.SkippedChunksets++;
                    break;
                }

                if (_inner.Length == 0)
                {
                    _inner = ChunksetBufferPool.Rent();
                }

                _innerLength = ChunksetDecoder.Decode(data, ref _inner, File, dataOffset, Errors);
                Statistics.DecompressedBytes += _innerLength;
                _innerPosition = 0;
                _chunksetOffset = start;
                _mode = Mode.Chunkset;
                break;
            default:
                Statistics.UnknownChunks++;
                Errors.Add(UnifiedErrorKind.Unsupported, File, start, $"unknown top-level chunk tag 0x{tag:x}; skipped");
                break;
        }

        return true;
    }

    /// <summary>Walks one inner chunk; false when the chunkset is exhausted. <paramref name="produced"/> is true when an event is ready.</summary>
    private bool NextInnerChunk(out bool produced)
    {
        produced = false;
        var buffer = _inner.AsSpan(0, _innerLength);
        var start = _innerPosition;
        if (buffer.Length - start < ChunkTag.PreambleSize)
        {
            if (buffer.Length - start > 0 && buffer[start..].ContainsAnyExcept((byte)0))
            {
                Errors.Add(UnifiedErrorKind.Truncated, File, _chunksetOffset, $"{buffer.Length - start} trailing bytes at decompressed offset {start}");
            }

            return false;
        }

        var tag = BinaryPrimitives.ReadUInt32LittleEndian(buffer[start..]);
        var size = BinaryPrimitives.ReadUInt64LittleEndian(buffer[(start + 8)..]);
        var dataStart = start + ChunkTag.PreambleSize;
        if (size > (ulong)(buffer.Length - dataStart))
        {
            Errors.Add(UnifiedErrorKind.OutOfBounds, File, _chunksetOffset,
                $"inner chunk 0x{tag:x} at decompressed offset {start} claims {size} bytes, {buffer.Length - dataStart} remain");
            return false;
        }

        var end = dataStart + (int)size;
        _innerPosition = (int)Math.Min(SpanReader.Align8(end), buffer.Length);
        var data = buffer[dataStart..end];
        switch (tag)
        {
            case ChunkTag.Firehose:
                Statistics.FirehoseChunks++;
                BeginFirehose(data, dataStart);
                return true;
            case ChunkTag.StateDump:
                Statistics.StateDumpChunks++;
                produced = ReadStateDump(data, dataStart, start);
                return true;
            case ChunkTag.SimpleDump:
                Statistics.SimpleDumpChunks++;
                produced = ReadSimpleDump(data, dataStart, start);
                return true;
            case ChunkTag.Oversize:
                Statistics.OversizeChunks++;
                StoreOversize(data, start);
                return true;
            default:
                Statistics.UnknownChunks++;
                Errors.Add(UnifiedErrorKind.BadSignature, File, _chunksetOffset, $"unknown chunk tag 0x{tag:x} at decompressed offset {start}; rest of chunkset skipped");
                return false;
        }
    }

    /// <summary>Asks <paramref name="keep"/> about the chunkset whose compressed block is <paramref name="data"/>.</summary>
    private bool KeepChunkset(Func<Catalog, CatalogSubchunk, bool> keep, ReadOnlySpan<byte> data)
    {
        var ordinal = _chunksetsSinceCatalog++;
        if (_catalogs.Count == 0 || ordinal >= _catalogs[^1].Subchunks.Count || data.Length < 8)
        {
            return true;
        }

        var catalog = _catalogs[^1];
        var described = catalog.Subchunks[ordinal];
        return BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) != described.UncompressedSize || keep(catalog, described);
    }

    private void BeginFirehose(ReadOnlySpan<byte> data, int dataStart)
    {
        var r = new SpanReader(data);
        if (!r.TryReadUInt64(out _firstProcId) || !r.TryReadUInt32(out _secondProcId) || !r.TrySkip(4) ||
            !r.TryReadUInt16(out var publicSize) || !r.TryReadUInt16(out _privateVirtualOffset) || !r.TrySkip(4) ||
            !r.TryReadUInt64(out _baseTime))
        {
            Errors.Add(UnifiedErrorKind.Truncated, File, _chunksetOffset, $"firehose header at decompressed offset {dataStart - 16} is cut short");
            return;
        }

        // The public data size counts from its own field (16 bytes into the chunk data).
        var publicEnd = 16 + publicSize;
        if (publicEnd > data.Length || publicSize < 16)
        {
            Errors.Add(UnifiedErrorKind.OutOfBounds, File, _chunksetOffset, $"firehose public data size {publicSize} does not fit the {data.Length}-byte chunk at decompressed offset {dataStart - 16}");
            publicEnd = Math.Clamp(publicEnd, 32, data.Length);
        }

        _tracepointStart = dataStart + 32;
        _tracepointPosition = _tracepointStart;
        _tracepointEnd = dataStart + publicEnd;
        _privateOffset = 0;
        _privateLength = 0;
        if (_privateVirtualOffset < 0x1000)
        {
            var length = 0x1000 - _privateVirtualOffset;
            if (length <= data.Length - publicEnd)
            {
                _privateOffset = dataStart + data.Length - length;
                _privateLength = length;
            }
            else
            {
                Errors.Add(UnifiedErrorKind.OutOfBounds, File, _chunksetOffset, $"firehose private data of {length} bytes overlaps public data at decompressed offset {dataStart - 16}");
            }
        }

        if (FirehoseFilter is { } filter && !filter(_baseTime))
        {
            Statistics.SkippedFirehoseChunks++;
            return;
        }

        _process = _catalogs.Count > 0 ? _catalogs[^1].FindProcess(_firstProcId, _secondProcId) : null;
        if (ProcessFilter is { } keep && !keep(_process))
        {
            Statistics.SkippedFirehoseChunks++;
            return;
        }

        _mode = Mode.Firehose;
    }

    private bool NextTracepoint()
    {
        var buffer = _inner.AsSpan(0, _innerLength);
        while (_tracepointEnd - _tracepointPosition >= 24)
        {
            var p = _tracepointPosition;
            var recordType = buffer[p];
            if (recordType == 0)
            {
                return false;
            }

            var dataSize = BinaryPrimitives.ReadUInt16LittleEndian(buffer[(p + 22)..]);
            var dataStart = p + 24;
            if (dataSize > _tracepointEnd - dataStart)
            {
                Errors.Add(UnifiedErrorKind.OutOfBounds, File, _chunksetOffset, $"tracepoint at decompressed offset {p} claims {dataSize} bytes, {_tracepointEnd - dataStart} remain");
                return false;
            }

            _tracepointPosition = _tracepointStart + (int)SpanReader.Align8(dataStart + dataSize - _tracepointStart);

            ref var e = ref _current;
            e = default;
            e.RecordType = recordType;
            e.Kind = recordType is 2 or 3 or 4 or 6 or 7 ? (TraceEventKind)recordType : TraceEventKind.Unknown;
            e.LogType = buffer[p + 1];
            e.Flags = (TracepointFlags)BinaryPrimitives.ReadUInt16LittleEndian(buffer[(p + 2)..]);
            e.FormatStringReference = BinaryPrimitives.ReadUInt32LittleEndian(buffer[(p + 4)..]);
            e.ThreadId = BinaryPrimitives.ReadUInt64LittleEndian(buffer[(p + 8)..]);
            var delta = BinaryPrimitives.ReadUInt32LittleEndian(buffer[(p + 16)..]) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(buffer[(p + 20)..]) << 32);
            e.MachTime = _baseTime + delta;
            e.FirstProcId = _firstProcId;
            e.SecondProcId = _secondProcId;
            e.Process = _process;
            e.PrivateDataOffset = _privateOffset;
            e.PrivateDataLength = _privateLength;
            e.PrivateDataVirtualOffset = _privateVirtualOffset;
            e.ChunkFileOffset = _chunksetOffset;
            e.InnerOffset = p;

            if (e.Kind == TraceEventKind.Unknown)
            {
                Errors.Add(UnifiedErrorKind.Unsupported, File, _chunksetOffset, $"tracepoint record type 0x{recordType:x2} at decompressed offset {p}; skipped");
                continue;
            }

            if (!TracepointParser.TryParse(buffer, dataStart, dataSize, ref e))
            {
                Errors.Add(UnifiedErrorKind.Truncated, File, _chunksetOffset, $"tracepoint at decompressed offset {p} is shorter than its flags 0x{(ushort)e.Flags:x4} need; skipped");
                continue;
            }

            Statistics.CountEvent(e.Kind);
            return true;
        }

        return false;
    }

    private bool ReadStateDump(ReadOnlySpan<byte> data, int dataStart, int chunkStart)
    {
        var r = new SpanReader(data);
        ref var e = ref _current;
        e = default;
        e.Kind = TraceEventKind.StateDump;
        e.ChunkFileOffset = _chunksetOffset;
        e.InnerOffset = chunkStart;
        if (!r.TryReadUInt64(out e.FirstProcId) || !r.TryReadUInt32(out e.SecondProcId) || !r.TryReadByte(out e.Ttl) ||
            !r.TrySkip(3) || !r.TryReadUInt64(out e.MachTime) || !r.TryReadUInt64(out var activity) ||
            !r.TryReadUuid(out e.DumpUuid) || !r.TryReadUInt32(out e.DumpDataType) || !r.TryReadUInt32(out var size) ||
            !r.TryReadBytes(64, out var library) || !r.TryReadBytes(64, out var type) || !r.TryReadBytes(64, out var name))
        {
            Errors.Add(UnifiedErrorKind.Truncated, File, _chunksetOffset, $"statedump at decompressed offset {chunkStart} is cut short");
            return false;
        }

        e.ActivityId = activity & 0x7FFF_FFFF_FFFF_FFFF;
        e.DumpName = SpanReader.FixedString(name);
        if (e.DumpDataType == 3)
        {
            e.DumpLibrary = SpanReader.FixedString(library);
            e.DumpType = SpanReader.FixedString(type);
        }

        e.DumpDataOffset = dataStart + r.Position;
        e.DumpDataLength = (int)Math.Min(size, (uint)r.Remaining);
        if (size > (uint)r.Remaining)
        {
            Errors.Add(UnifiedErrorKind.OutOfBounds, File, _chunksetOffset, $"statedump at decompressed offset {chunkStart} claims {size} data bytes, {r.Remaining} remain");
        }

        e.Process = _catalogs.Count > 0 ? _catalogs[^1].FindProcess(e.FirstProcId, e.SecondProcId) : null;
        Statistics.CountEvent(e.Kind);
        return true;
    }

    private bool ReadSimpleDump(ReadOnlySpan<byte> data, int dataStart, int chunkStart)
    {
        var r = new SpanReader(data);
        ref var e = ref _current;
        e = default;
        e.Kind = TraceEventKind.SimpleDump;
        e.ChunkFileOffset = _chunksetOffset;
        e.InnerOffset = chunkStart;
        if (!r.TryReadUInt64(out e.FirstProcId) || !r.TryReadUInt32(out e.SecondProcId) || !r.TryReadByte(out e.Ttl) ||
            !r.TryReadByte(out e.LogType) || !r.TrySkip(2) || !r.TryReadUInt64(out e.MachTime) || !r.TryReadUInt64(out e.ThreadId) ||
            !r.TryReadUInt64(out var offset) || !r.TryReadUuid(out e.RelativeUuid) || !r.TryReadUuid(out e.DumpUuid) ||
            !r.TrySkip(4) || !r.TryReadUInt32(out var subsystemSize) || !r.TryReadUInt32(out var messageSize) ||
            !r.TryReadBytes((int)Math.Min(subsystemSize, int.MaxValue), out var subsystem) ||
            !r.TryReadBytes((int)Math.Min(messageSize, int.MaxValue), out var message))
        {
            Errors.Add(UnifiedErrorKind.Truncated, File, _chunksetOffset, $"simpledump at decompressed offset {chunkStart} is cut short");
            return false;
        }

        e.PcOffset = (uint)offset;
        e.DumpName = Encoding.UTF8.GetString(SpanReader.CStringAt(subsystem, 0));
        e.DumpMessage = Encoding.UTF8.GetString(SpanReader.CStringAt(message, 0));
        e.DumpDataOffset = dataStart;
        e.Process = _catalogs.Count > 0 ? _catalogs[^1].FindProcess(e.FirstProcId, e.SecondProcId) : null;
        Statistics.CountEvent(e.Kind);
        return true;
    }

    private void StoreOversize(ReadOnlySpan<byte> data, int chunkStart)
    {
        var r = new SpanReader(data);
        if (!r.TryReadUInt64(out var first) || !r.TryReadUInt32(out var second) || !r.TrySkip(4) || !r.TrySkip(8) ||
            !r.TryReadUInt32(out var reference) || !r.TryReadUInt16(out var publicSize) || !r.TryReadUInt16(out var privateSize))
        {
            Errors.Add(UnifiedErrorKind.Truncated, File, _chunksetOffset, $"oversize chunk at decompressed offset {chunkStart} is cut short");
            return;
        }

        if (publicSize + privateSize > r.Remaining)
        {
            Errors.Add(UnifiedErrorKind.OutOfBounds, File, _chunksetOffset, $"oversize chunk at decompressed offset {chunkStart} claims {publicSize + privateSize} bytes, {r.Remaining} remain");
            return;
        }

        r.TryReadBytes(publicSize, out var publicData);
        r.TryReadBytes(privateSize, out var privateData);
        _oversize.Add(first, second, reference, publicData, privateData);
    }

    private int ReadFully(Span<byte> target)
    {
        var total = 0;
        while (total < target.Length)
        {
            var n = _stream.Read(target[total..]);
            if (n <= 0)
            {
                break;
            }

            total += n;
        }

        _position += total;
        return total;
    }

    private bool Skip(long count)
    {
        if (_stream.CanSeek)
        {
            var target = Math.Min(_position + count, _length);
            _stream.Seek(target - _position, SeekOrigin.Current);
            _position = target;
            return true;
        }

        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            var n = ReadFully(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (n == 0)
            {
                return false;
            }

            count -= n;
        }

        return true;
    }
}
