using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Output;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Tracev3;
using CallKitDoctor.Scenarios.Bench;

namespace CallKitDoctor.Benchmarks;

/// <summary>
/// Hot paths of the unified-log reader and the <c>show</c> writers over the real iPadOS file
/// <c>0000000000000f85.tracev3</c> from the shared test data (<c>CALLKIT_DOCTOR_SHARED</c>, default <c>/work/shared</c>),
/// with its uuidtext and timesync folders so format strings resolve where the test data has them; and over a generated
/// archive whose every format string resolves (<see cref="BenchArchiveWriter"/>, 20,000 entries), the whole
/// <c>show --style ndjson</c> pipeline with and without the read-ahead worker. With <c>CALLKIT_DOCTOR_BENCH_ARCHIVE</c>
/// naming a set (b) folder (<c>bench/show-unified.sh</c> caches the 500 MB one under <c>~/.cache/callkit-doctor/</c>),
/// the resolved benchmarks read that folder instead (one operation is then the whole archive: use
/// <c>--job dry</c> or a small iteration count).
/// </summary>
[MemoryDiagnoser]
public class UnifiedBenchmarks
{
    private byte[] _file = [];
    private byte[] _chunkset = [];
    private long _chunksetOffset;
    private byte[] _inflated = new byte[1 << 20];
    private string _path = "";
    private UnifiedLogOptions _options = new();
    private List<LogEntry> _entries = [];
    private string _resolved = "";
    private bool _ownsResolved;

    [GlobalSetup]
    public void Setup()
    {
        var shared = Environment.GetEnvironmentVariable("CALLKIT_DOCTOR_SHARED") is { Length: > 0 } s ? s : "/work/shared";
        var folder = Path.Combine(shared, "testdata", "unified_logging");
        _path = Path.Combine(folder, "0000000000000f85.tracev3");
        if (!File.Exists(_path))
        {
            throw new FileNotFoundException("the unified benchmarks need the shared test data (set CALLKIT_DOCTOR_SHARED)", _path);
        }

        _file = File.ReadAllBytes(_path);
        _options = new UnifiedLogOptions { StringsDirectory = Path.Combine(folder, "uuidtext"), TimesyncDirectory = Path.Combine(folder, "timesync") };
        (_chunksetOffset, _chunkset) = FirstChunkset(_file);
        _entries = new UnifiedLogSource(_path, _options).ReadEntries().ToList();
        foreach (var entry in _entries)
        {
            _ = entry.EventMessage;
        }

        if (Environment.GetEnvironmentVariable("CALLKIT_DOCTOR_BENCH_ARCHIVE") is { Length: > 0 } archive && Directory.Exists(archive))
        {
            _resolved = archive;
            return;
        }

        _resolved = Path.Combine(Path.GetTempPath(), "ckd-bench-resolved-" + Guid.NewGuid().ToString("N"));
        _ownsResolved = true;
        new BenchArchiveWriter { EntriesPerFile = 20_000 }.Write(_resolved, 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_ownsResolved && Directory.Exists(_resolved))
        {
            Directory.Delete(_resolved, recursive: true);
        }
    }

    /// <summary>The generated archive's entries with every message formatted, on the caller's thread.</summary>
    [Benchmark]
    public long ResolvedEntriesFormatted()
    {
        long length = 0;
        foreach (var entry in new UnifiedLogSource(_resolved, new UnifiedLogOptions { ReadAhead = false }).ReadEntries())
        {
            length += entry.EventMessage.Length;
        }

        return length;
    }

    /// <summary><c>show --style ndjson</c> over the generated archive, reading on the caller's thread.</summary>
    [Benchmark]
    public long ResolvedShowNdjson() => Show(readAhead: false);

    /// <summary><c>show --style ndjson</c> over the generated archive with the read-ahead worker (two threads).</summary>
    [Benchmark]
    public long ResolvedShowNdjsonReadAhead() => Show(readAhead: true);

    /// <summary>The same through the direct path (<see cref="UnifiedLogSource.WriteJson"/>: no entries, no message strings), one thread.</summary>
    [Benchmark]
    public long ResolvedShowNdjsonDirect() => ShowDirect(readAhead: false);

    /// <summary>The direct path with its read-ahead worker (two threads), as <c>show --style ndjson</c> runs it.</summary>
    [Benchmark]
    public long ResolvedShowNdjsonDirectReadAhead() => ShowDirect(readAhead: true);

    private long ShowDirect(bool readAhead)
    {
        using var writer = (JsonEntryWriter)LogEntryWriter.Create(LogOutputStyle.Ndjson, Stream.Null);
        new UnifiedLogSource(_resolved, new UnifiedLogOptions { ReadAhead = readAhead }).WriteJson(writer);
        writer.Complete();
        return writer.Tally.Total;
    }

    private long Show(bool readAhead)
    {
        using var writer = LogEntryWriter.Create(LogOutputStyle.Ndjson, Stream.Null);
        foreach (var entry in new UnifiedLogSource(_resolved, new UnifiedLogOptions { ReadAhead = readAhead }).ReadEntries())
        {
            writer.Write(entry);
        }

        writer.Complete();
        return writer.Tally.Total;
    }

    /// <summary>LZ4 decode of the file's first chunkset.</summary>
    [Benchmark]
    public int ChunksetDecode() => ChunksetDecoder.Decode(_chunkset, ref _inflated, "bench", _chunksetOffset, new UnifiedErrorLog());

    /// <summary>Every chunk decoded and every tracepoint walked into the reused event struct (no entries built).</summary>
    [Benchmark]
    public long ReaderWalk()
    {
        using var reader = new Tracev3Reader(new MemoryStream(_file, writable: false), "bench");
        long sum = 0;
        while (reader.MoveNext())
        {
            sum += (long)reader.Current.ThreadId;
        }

        return sum;
    }

    /// <summary>Entries as <see cref="LogEntry"/> objects with their messages formatted.</summary>
    [Benchmark]
    public long EntriesFormatted()
    {
        long length = 0;
        foreach (var entry in new UnifiedLogSource(_path, _options).ReadEntries())
        {
            length += entry.EventMessage.Length;
        }

        return length;
    }

    /// <summary>Writing already-read entries as ndjson.</summary>
    [Benchmark]
    public long NdjsonWrite() => WriteAll(LogOutputStyle.Ndjson);

    /// <summary>Writing already-read entries in the default column style.</summary>
    [Benchmark]
    public long DefaultStyleWrite() => WriteAll(LogOutputStyle.Default);

    private long WriteAll(LogOutputStyle style)
    {
        using var writer = LogEntryWriter.Create(style, Stream.Null);
        foreach (var entry in _entries)
        {
            writer.Write(entry);
        }

        writer.Complete();
        return writer.Tally.Total;
    }

    private static (long Offset, byte[] Data) FirstChunkset(byte[] file)
    {
        var offset = 0;
        while (offset + 16 <= file.Length)
        {
            var tag = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
            var size = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(offset + 8));
            if (tag == 0x600D)
            {
                return (offset + 16, file.AsSpan(offset + 16, size).ToArray());
            }

            offset += 16 + size;
            offset = (offset + 7) & ~7;
        }

        throw new InvalidDataException("no chunkset in the benchmark file");
    }
}
