using System.Buffers.Binary;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>
/// The reader's push-down hooks: <see cref="Tracev3Reader.ChunksetFilter"/> (asked before decompressing, only when the
/// catalog's description has the chunkset's uncompressed size) and <see cref="Tracev3Reader.ProcessFilter"/> (asked
/// per firehose chunk; statedumps and oversize data are never dropped by it).
/// </summary>
public class ChunkFilterHookTests
{
    /// <summary>
    /// The sample file with <see cref="Tracev3Image.Catalog"/>'s one sub chunk describing the first chunkset (its
    /// uncompressed size patched in); further chunksets have no description.
    /// </summary>
    private static byte[] DescribedFile(int chunksets = 1)
    {
        var content = Tracev3Image.SampleContent();
        var catalog = Tracev3Image.Catalog();
        // The sub chunk is the last 40 bytes: start, end, then the uncompressed size.
        BinaryPrimitives.WriteUInt32LittleEndian(catalog.AsSpan(catalog.Length - 40 + 16), (uint)content.Length);
        var image = new ByteImage().Append(Tracev3Image.Chunk(0x1000, Tracev3Image.Header())).Append(Tracev3Image.Chunk(0x600B, catalog));
        for (var i = 0; i < chunksets; i++)
        {
            image.Append(Tracev3Image.Chunk(0x600D, Tracev3Image.Lz4(content)));
        }

        return image.ToArray();
    }

    private static Tracev3Reader Reader(byte[] file) => new(new MemoryStream(file), "test.tracev3");

    private static List<TraceEventKind> Kinds(Tracev3Reader reader)
    {
        var kinds = new List<TraceEventKind>();
        while (reader.MoveNext())
        {
            kinds.Add(reader.Current.Kind);
        }

        return kinds;
    }

    [Fact]
    public void ADescribedChunksetIsOfferedWithItsCatalogAndSkippedWhenRefused()
    {
        var file = DescribedFile(chunksets: 2);
        using var reader = Reader(file);
        var offered = new List<CatalogSubchunk>();
        reader.ChunksetFilter = (catalog, subchunk) =>
        {
            offered.Add(subchunk);
            Assert.Equal(Tracev3Image.Pid, Assert.Single(catalog.ProcessesOf(subchunk)!).ProcessId);
            Assert.Empty(subchunk.Subsystems);
            return false;
        };

        var kinds = Kinds(reader);

        // The catalog describes one chunkset: the second has no description and is read.
        Assert.Single(offered);
        Assert.Equal(1, reader.Statistics.SkippedChunksets);
        Assert.Equal([TraceEventKind.Log, TraceEventKind.Log, TraceEventKind.StateDump], kinds);
        Assert.Equal(Tracev3Image.SampleContent().Length, reader.Statistics.DecompressedBytes);
        Assert.Empty(reader.Errors.Errors);
    }

    [Fact]
    public void AChunksetWhoseSizeDisagreesWithItsDescriptionIsNeverOffered()
    {
        using var reader = Reader(Tracev3Image.File(Tracev3Image.Lz4(Tracev3Image.SampleContent())));
        var offered = 0;
        reader.ChunksetFilter = (_, _) =>
        {
            offered++;
            return false;
        };

        var kinds = Kinds(reader);

        Assert.Equal(0, offered);
        Assert.Equal(0, reader.Statistics.SkippedChunksets);
        Assert.Equal(3, kinds.Count);
    }

    [Fact]
    public void ARefusedProcessLosesItsFirehoseChunkButNotItsStatedump()
    {
        using var reader = Reader(DescribedFile());
        CatalogProcess? asked = null;
        reader.ProcessFilter = process =>
        {
            asked = process;
            return false;
        };

        var kinds = Kinds(reader);

        Assert.Equal(Tracev3Image.Pid, asked?.ProcessId);
        Assert.Equal([TraceEventKind.StateDump], kinds);
        Assert.Equal(1, reader.Statistics.SkippedFirehoseChunks);
    }

    [Fact]
    public void WithoutHooksNothingIsSkipped()
    {
        using var reader = Reader(DescribedFile());

        Assert.Equal(3, Kinds(reader).Count);
        Assert.Equal(0, reader.Statistics.SkippedChunksets + reader.Statistics.SkippedFirehoseChunks);
    }
}
