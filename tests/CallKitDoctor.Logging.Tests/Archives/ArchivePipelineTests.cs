using System.IO.Compression;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Tests.Archives;

/// <summary>The two overlaps of archive reading: gunzip on a second thread, entries read ahead on a second thread.</summary>
public sealed class ArchivePipelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ckd-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<LogEntry> Numbered(int count, CancellationToken cancellationToken, Action<int>? at = null)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            at?.Invoke(i);
            yield return new LogEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(10_000)]
    public void PrefetchedEntriesKeepTheirOrder(int count)
    {
        var entries = EntryPrefetcher.Ahead(ct => Numbered(count, ct), batchSize: 7, maxBatches: 2, CancellationToken.None).ToList();

        Assert.Equal(Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Select(e => e.EventMessage));
    }

    [Fact]
    public void AProducerFailureReachesTheCallerAfterTheEntriesBeforeIt()
    {
        var seen = new List<string>();

        var ex = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var entry in EntryPrefetcher.Ahead(ct => Numbered(100, ct, i => { if (i == 50) { throw new InvalidDataException("bad"); } }), 8, 2, CancellationToken.None))
            {
                seen.Add(entry.EventMessage);
            }
        });

        Assert.Equal("bad", ex.Message);
        Assert.Equal(50, seen.Count);
    }

    [Fact]
    public void AbandoningTheEnumerationStopsTheProducer()
    {
        var produced = 0;

        var first = EntryPrefetcher.Ahead(ct => Numbered(1_000_000, ct, _ => Interlocked.Increment(ref produced)), 16, 2, CancellationToken.None).Take(10).ToList();
        var after = Volatile.Read(ref produced);
        Thread.Sleep(100);

        Assert.Equal(10, first.Count);
        Assert.InRange(after, 10, 16 * 4);
        Assert.Equal(after, Volatile.Read(ref produced));
    }

    [Fact]
    public void CancellationByTheCallerIsAnOperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var entry in EntryPrefetcher.Ahead(ct => Numbered(1_000_000, ct), 16, 2, cancel.Token))
            {
                if (entry.EventMessage == "100")
                {
                    cancel.Cancel();
                }
            }
        });
    }

    [Fact]
    public void BackgroundGunzipGivesTheSameBytesAndRethrowsCorruption()
    {
        var data = new byte[3_000_000];
        new Random(3).NextBytes(data.AsSpan(0, 1_000_000));
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        using (var stream = new BackgroundReadStream(new GZipStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress), blockSize: 4096, maxBlocks: 3))
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy, 1000);
            Assert.Equal(data, copy.ToArray());
            Assert.Equal(0, stream.Read(new byte[10]));
        }

        var broken = compressed.ToArray();
        broken.AsSpan(broken.Length / 2, 100).Fill(0xEE);
        using var bad = new BackgroundReadStream(new GZipStream(new MemoryStream(broken), CompressionMode.Decompress), blockSize: 4096, maxBlocks: 3);
        Assert.Throws<InvalidDataException>(() => bad.CopyTo(Stream.Null));
    }

    [Fact]
    public void ASysdiagnoseGivesTheSameEntriesWithAndWithoutPrefetch()
    {
        var file = Path.Combine(_dir, SysdiagnoseImage.Top + ".tar.gz");
        SysdiagnoseImage.WriteTarGz(file, SysdiagnoseImage.Members());
        static string Key(LogEntry e) => $"{e.Timestamp}|{e.Process}|{e.EventMessage}|{e.Location}";

        var ahead = new SysdiagnoseSource(file, ArchiveLayout.TarGzip, new ArchiveOptions { TempParent = _dir, Prefetch = true });
        var inline = new SysdiagnoseSource(file, ArchiveLayout.TarGzip, new ArchiveOptions { TempParent = _dir });

        Assert.Equal(inline.ReadEntries().Select(Key).ToList(), ahead.ReadEntries().Select(Key).ToList());
        Assert.Equal(inline.Context.StoreWindows, ahead.Context.StoreWindows);
        Assert.Equal(inline.Summary.Entries, ahead.Summary.Entries);
    }
}
