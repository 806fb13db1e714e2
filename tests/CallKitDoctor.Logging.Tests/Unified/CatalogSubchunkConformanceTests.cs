using CallKitDoctor.Logging.Unified.Tracev3;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>
/// What chunk push-down relies on, checked on the real tracev3 files: the n-th catalog sub chunk describes the n-th
/// chunkset after the catalog (same uncompressed size), and every process whose chunks a chunkset holds is among the
/// process entries its sub chunk lists.
/// </summary>
public class CatalogSubchunkConformanceTests
{
    [SkippableTheory]
    [InlineData("0000000000000030.tracev3")]
    [InlineData("0000000000000f85.tracev3")]
    public void EverySubchunkListsTheProcessesOfItsChunkset(string name)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        using var reader = Tracev3Reader.Open(SharedData.PathOf("testdata", "unified_logging", name)!);
        IReadOnlyList<CatalogProcess>? listed = null;
        var described = 0;
        var firehoseChecked = 0;
        reader.ChunksetFilter = (catalog, subchunk) =>
        {
            described++;
            listed = catalog.ProcessesOf(subchunk);
            Assert.NotNull(listed);
            return true;
        };
        reader.ProcessFilter = process =>
        {
            Assert.NotNull(process);
            Assert.Contains(process, listed!);
            firehoseChecked++;
            return true;
        };

        var dumps = 0;
        while (reader.MoveNext())
        {
            var e = reader.Current;
            if (e.Kind is TraceEventKind.StateDump or TraceEventKind.SimpleDump)
            {
                Assert.NotNull(e.Process);
                Assert.Contains(e.Process, listed!);
                dumps++;
            }
        }

        Assert.Equal(reader.Statistics.Chunksets, described);
        Assert.Equal(reader.Statistics.FirehoseChunks, firehoseChecked);
        Assert.True(firehoseChecked + dumps > 0);
    }
}
