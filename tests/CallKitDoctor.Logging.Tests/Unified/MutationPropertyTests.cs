using System.Diagnostics;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Formatting;
using CallKitDoctor.Logging.Unified.Strings;
using CallKitDoctor.Logging.Unified.Time;
using CallKitDoctor.Logging.Unified.Tracev3;
using CallKitDoctor.Testing;
using CsCheck;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>
/// Mutated and truncated files (built here, and real ones when ../shared is present) never make a reader throw,
/// hang or allocate beyond a bounded multiple of the input.
/// </summary>
public class MutationPropertyTests
{
    private static readonly Gen<(int Cut, (int At, byte Value)[] Edits)> Mutation =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Select(Gen.Int[0, 1_000_000], Gen.Byte).Array[1, 8]);

    private static byte[] Mutate(byte[] source, (int Cut, (int At, byte Value)[] Edits) m)
    {
        var length = m.Cut % 4 == 0 ? m.Cut % (source.Length + 1) : source.Length;
        var copy = source[..length];
        if (copy.Length > 0)
        {
            foreach (var (at, value) in m.Edits)
            {
                copy[at % copy.Length] = value;
            }
        }

        return copy;
    }

    private static void ReadTracev3Bounded(byte[] data)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        using var reader = new Tracev3Reader(new MemoryStream(data), "mutated.tracev3");
        long events = 0;
        while (reader.MoveNext())
        {
            events++;
            _ = reader.CurrentItems.Length + reader.CurrentPrivateData.Length + reader.CurrentDumpData.Length;
            _ = reader.Current.SenderImageUuid;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(allocated < (48L << 20) + (300L * data.Length), $"allocated {allocated} bytes for {data.Length} input bytes");
        Assert.True(reader.Errors.Errors.All(e => e.File == "mutated.tracev3" && e.ByteOffset >= 0 && e.ByteOffset <= data.Length));
    }

    [Fact]
    public void MutatedBuiltTracev3FilesNeverThrowHangOrOverAllocate()
    {
        var sources = new[]
        {
            Tracev3Image.File(Tracev3Image.Lz4(Tracev3Image.SampleContent())),
            Tracev3Image.File(Tracev3Image.Uncompressed(Tracev3Image.SampleContent())),
        };
        Gen.Select(Gen.Int[0, sources.Length - 1], Mutation)
            .Sample(t => ReadTracev3Bounded(Mutate(sources[t.Item1], t.Item2)), iter: 400, threads: 1);
    }

    [SkippableFact]
    public void MutatedRealTracev3FilesNeverThrowHangOrOverAllocate()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var small = File.ReadAllBytes(SharedData.PathOf("testdata", "unified_logging", "0000000000000030.tracev3")!);
        var large = File.ReadAllBytes(SharedData.PathOf("testdata", "unified_logging", "0000000000000f85.tracev3")!);
        Mutation.Sample(m => ReadTracev3Bounded(Mutate(small, m)), iter: 300, threads: 1);
        Mutation.Sample(m => ReadTracev3Bounded(Mutate(large, m)), iter: 25, threads: 1);
    }

    [Fact]
    public void MutatedStringAndTimesyncFilesNeverThrow()
    {
        var uuidtext = StringFileTests.BuildUuidText("/usr/bin/demo", (0x10, ["a %s", "b %d"]), (0x100, ["c"]));
        var dsc1 = StringFileTests.BuildDsc(1, 0x100, ["x %@"], Guid.NewGuid(), 0, 0x1000, "/usr/lib/a.dylib");
        var dsc2 = StringFileTests.BuildDsc(2, 0x100, ["y %@"], Guid.NewGuid(), 0, 0x1000, "/usr/lib/b.dylib");
        var timesync = TimesyncTests.BootRecord(Guid.NewGuid(), 125, 3, 5).Append(TimesyncTests.SyncRecord(1, 2)).ToArray();
        Gen.Select(Gen.Int[0, 3], Mutation).Sample(t =>
        {
            var errors = new UnifiedErrorLog();
            switch (t.Item1)
            {
                case 0:
                    if (UuidTextFile.Parse(Mutate(uuidtext, t.Item2), "u", errors) is { } u)
                    {
                        for (uint offset = 0; offset < 0x200; offset += 7)
                        {
                            u.TryGetString(offset, out _);
                        }
                    }

                    break;
                case 1:
                case 2:
                    if (SharedCacheStrings.Parse(Mutate(t.Item1 == 1 ? dsc1 : dsc2, t.Item2), "d", errors) is { } d)
                    {
                        for (ulong offset = 0; offset < 0x200; offset += 7)
                        {
                            d.TryGetString(offset, out _, out _);
                            d.TryGetImage(offset, out _);
                        }
                    }

                    break;
                default:
                    foreach (var boot in TimesyncFile.Parse(Mutate(timesync, t.Item2), "t", errors))
                    {
                        boot.ToUnixNanoseconds(ulong.MaxValue);
                        boot.ToUnixNanoseconds(0);
                    }

                    break;
            }
        }, iter: 600, threads: 1);
    }

    [Fact]
    public void FormatterNeverThrowsOnRandomFormatsAndItems()
    {
        var formats = Gen.OneOf("%d %s", "%{public}@ %.*s %x", "%*d|%-8.3f|%p", "%{bool}d %{errno}d %{time_t}d", "%{public,uuid_t}.16P %{private, mask.hash}s",
            "%%%c%C%S%m%n%k", "%{", "%.99999999s", "%lld %hhu %zu %o %e %g %G %a");
        var suffix = Gen.Char["%.*-+ #0123456789{}dsxPp@lhq"].Array[0, 12].Select(c => new string(c));
        var items = Gen.Byte.Array[0, 64];
        Gen.Select(formats, suffix, items).Sample(t =>
        {
            var text = OsLogFormatter.Format(t.Item1 + t.Item2, t.Item3, t.Item3);
            Assert.True(text.Length < 1 << 20);
        }, iter: 2000, threads: 1);
    }
}
