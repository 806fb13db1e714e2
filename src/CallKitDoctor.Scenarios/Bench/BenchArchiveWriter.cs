using System.Globalization;
using CallKitDoctor.Scenarios.Archive;
using CallKitDoctor.Scenarios.Strings;
using CallKitDoctor.Scenarios.Time;
using CallKitDoctor.Scenarios.Tracev3;

namespace CallKitDoctor.Scenarios.Bench;

/// <summary>
/// Writes a large logarchive-like folder for whole-process benchmarks whose every format string resolves: many
/// processes (daemons and apps) logging bursts under several subsystems, from their own executable (uuidtext) and from
/// shared-cache frameworks (one dsc file), with public and private strings and objects, integers, BOOLs and pointers
/// (<see cref="BenchFormats"/>); levels mostly Default with Info, Debug, Error and Fault; one boot with its timesync
/// file; <c>Persist/*.tracev3</c> files of <see cref="EntriesPerFile"/> entries each, written one after the other in
/// time (each file's header time is its first entry's), until the tracev3 total reaches the target size. Deterministic
/// for a seed.
/// </summary>
public sealed class BenchArchiveWriter
{
    private static readonly DateTimeOffset BootTime = new(2025, 10, 23, 5, 0, 0, TimeSpan.Zero);
    private const int MinutesWest = -660;
    private readonly Random _random;
    private readonly MachClock _clock = new(BootTime);
    private readonly Guid _boot = NameUuid.From("bench/boot");
    private readonly DscWriter _dsc = new(NameUuid.From("bench/dsc"));
    private readonly List<Source> _sources = [];
    private readonly List<(TraceProcess Process, UuidtextWriter Main, List<(ushort Subsystem, BenchFormat Format, uint Offset, bool Shared, uint Pc)> Formats)> _processes = [];
    private readonly string[] _words;
    private ulong _now;

    public BenchArchiveWriter(int seed = 7)
    {
        _random = new Random(seed);
        // Argument values vary as on a device (identifiers, addresses, counters), so the files compress about as real ones.
        _words = [.. Enumerable.Range(0, 4096).Select(i => (i % 4) switch
        {
            0 => NameUuid.From("w" + i.ToString(CultureInfo.InvariantCulture)).ToString().ToUpperInvariant(),
            1 => "com.example.app" + _random.Next(1000).ToString(CultureInfo.InvariantCulture) + ".session-" + _random.Next().ToString("x8", CultureInfo.InvariantCulture),
            2 => "/private/var/mobile/Library/Caches/" + _random.Next().ToString("x8", CultureInfo.InvariantCulture) + ".db",
            _ => "item-" + _random.NextInt64().ToString("x", CultureInfo.InvariantCulture),
        })];
        _now = _clock.ToMachTime(BootTime.AddHours(2));
        BuildProcesses();
    }

    /// <summary>Entries per tracev3 file (real Persist files hold about 10 MB).</summary>
    public int EntriesPerFile { get; init; } = 150_000;

    private sealed record Source(int Process, int Weight);

    /// <summary>Writes the archive under <paramref name="directory"/> until its tracev3 files hold at least <paramref name="targetBytes"/>.</summary>
    public BenchArchiveSummary Write(string directory, long targetBytes)
    {
        Directory.CreateDirectory(Path.Combine(directory, "Persist"));
        long bytes = 0, entries = 0, last = 0;
        var files = 0;
        // Records come from one random sequence (deterministic); compressing and writing a file overlaps with drawing
        // the next file's records, one file in flight. The file in flight counts as the size of the one before it (the
        // first file is waited for; when the last one comes out smaller, more follow), so the number of files depends
        // only on the bytes written, never on timing.
        Task<long>? pending = null;
        do
        {
            do
            {
                var trace = NextFile(out var count);
                var path = Path.Combine(directory, "Persist", (files + 1).ToString("x16", CultureInfo.InvariantCulture) + ".tracev3");
                if (pending is not null)
                {
                    last = pending.GetAwaiter().GetResult();
                    bytes += last;
                }

                pending = Task.Run(() => WriteTrace(trace, path));
                entries += count;
                files++;
                if (files == 1)
                {
                    last = pending.GetAwaiter().GetResult();
                    bytes += last;
                    pending = null;
                }
            }
            while (bytes + (pending is null ? 0 : last) < targetBytes);

            if (pending is not null)
            {
                bytes += pending.GetAwaiter().GetResult();
                pending = null;
            }
        }
        while (bytes < targetBytes);

        foreach (var (_, main, _) in _processes)
        {
            WriteFile(directory, main.RelativePath, main.ToArray());
        }

        WriteFile(directory, _dsc.RelativePath, _dsc.ToArray());
        var bootNs = MachClock.UnixNanoseconds(BootTime);
        WriteFile(directory, Path.Combine("timesync", "0000000000000001.timesync"), new TimesyncWriter()
            .Boot(_boot, MachClock.Numerator, MachClock.Denominator, bootNs, MinutesWest, false)
            .Sync(0, bootNs, MinutesWest, false)
            .ToArray());
        return new BenchArchiveSummary(files, bytes, entries);
    }

    private static long WriteTrace(Tracev3Writer trace, string path)
    {
        using var stream = File.Create(path);
        trace.Write(stream);
        return stream.Length;
    }

    private static void WriteFile(string directory, string relative, byte[] data)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data);
    }

    private void BuildProcesses()
    {
        var images = BenchFormats.SharedCache.Select(s => (Image: _dsc.AddImage(NameUuid.From("bench" + s.Path), s.Path), s.Formats)).ToList();
        var executables = BenchFormats.Executables;
        for (var i = 0; i < executables.Count * 2; i++)
        {
            var path = executables[i % executables.Count];
            var main = new UuidtextWriter(NameUuid.From($"bench/{i}/{path}"), path);
            var process = new TraceProcess((uint)(80 + (i * 37)), i % 3 == 0 ? 501u : 0u, (ulong)(1000 + i), (uint)(4000 + (i * 11)), main.Uuid, _dsc.Uuid);
            var formats = new List<(ushort, BenchFormat, uint, bool, uint)>();
            var subsystems = Enumerable.Range(0, 1 + (i % 3))
                .Select(k => BenchFormats.Subsystems[(i + (k * 3)) % BenchFormats.Subsystems.Count])
                .Select(s => process.Subsystem(s.Subsystem, s.Category))
                .ToArray();
            foreach (var (format, k) in BenchFormats.MainExecutable.Select((f, k) => (f, k)))
            {
                formats.Add((subsystems[k % subsystems.Length], format, main.Add(format.Format), false, 0x1000 + (uint)(k * 64)));
            }

            foreach (var (image, imageFormats) in images)
            {
                foreach (var (format, k) in imageFormats.Select((f, k) => (f, k)))
                {
                    formats.Add((subsystems[k % subsystems.Length], format, (uint)_dsc.Add(image, format.Format), true, image.ProgramCounter(0x1000 + (uint)(k * 64))));
                }
            }

            _processes.Add((process, main, formats));
            // A few busy processes log most of the entries, as on a real device.
            _sources.Add(new Source(i, i < 6 ? 12 : 1 + (i % 3)));
        }
    }

    private Tracev3Writer NextFile(out int count)
    {
        var records = new List<TraceRecord>(EntriesPerFile);
        var totalWeight = _sources.Sum(s => s.Weight);
        while (records.Count < EntriesPerFile)
        {
            var pick = _random.Next(totalWeight);
            var source = _sources.First(s => (pick -= s.Weight) < 0);
            var (process, _, formats) = _processes[source.Process];
            var thread = 0x1000UL + (ulong)(source.Process * 16) + (ulong)_random.Next(4);
            var burst = 1 + _random.Next(12);
            for (var b = 0; b < burst && records.Count < EntriesPerFile; b++)
            {
                _now += (ulong)(24 + _random.Next(4000)); // 1 µs to 170 µs apart
                var (subsystem, format, offset, shared, pc) = formats[_random.Next(formats.Count)];
                records.Add(new TraceRecord
                {
                    Process = process,
                    ThreadId = thread,
                    MachTime = _now,
                    LogType = Level(),
                    FormatOffset = offset,
                    FromSharedCache = shared,
                    ProgramCounter = pc,
                    SubsystemId = subsystem,
                    Arguments = [.. format.Arguments.Select(Argument)],
                });
            }
        }

        var first = records[0].MachTime;
        var trace = new Tracev3Writer(new TraceFileInfo
        {
            ContinuousTime = first,
            WallClock = DateTimeOffset.FromUnixTimeMilliseconds(_clock.ToUnixNanoseconds(first) / 1_000_000),
            MinutesWest = MinutesWest,
            DaylightSavings = false,
            BuildVersion = "23B85",
            HardwareModel = "D84AP",
            BootUuid = _boot,
            TimeZoneName = "Australia/Sydney",
        })
        { FastCompression = true };
        foreach (var record in records)
        {
            trace.Add(record);
        }

        count = records.Count;
        return trace;
    }

    private byte Level() => _random.Next(100) switch
    {
        < 70 => 0x00,
        < 82 => 0x01,
        < 92 => 0x02,
        < 98 => 0x10,
        _ => 0x11,
    };

    private TraceArgument Argument(BenchArgument kind) => kind switch
    {
        BenchArgument.Word => TraceArgument.Int32(_random.Next(8) == 0 ? _random.Next() : _random.Next(-5, 5000)),
        BenchArgument.Wide => TraceArgument.Int64(_random.NextInt64(0x1_0000_0000, 0x2_0000_0000_0000)),
        BenchArgument.PublicString => TraceArgument.CString(_words[_random.Next(_words.Length)]),
        BenchArgument.PrivateString => TraceArgument.CString(_words[_random.Next(_words.Length)], isPrivate: true),
        BenchArgument.PublicObject => TraceArgument.Object("<CXCallUpdate 0x28" + _random.Next(0x1000, 0xFFFF).ToString("x", CultureInfo.InvariantCulture) + "> " + _words[_random.Next(_words.Length)]),
        _ => TraceArgument.Object(_words[_random.Next(_words.Length)], isPrivate: true),
    };
}
