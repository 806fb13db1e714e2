using System.IO.Compression;
using CallKitDoctor.Logging.Archives;

namespace CallKitDoctor.Logging.Tests.Archives;

/// <summary>Archive reading overlaps gunzip with the tar walk on a second thread (entries are read ahead by the unified reader).</summary>
public sealed class ArchivePipelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ckd-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

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
}
