namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>Counts of what a <see cref="Tracev3Reader"/> walked: chunks per kind and events per kind and level.</summary>
public sealed class Tracev3Statistics
{
    public int HeaderChunks { get; internal set; }

    public int CatalogChunks { get; internal set; }

    public int Chunksets { get; internal set; }

    public int FirehoseChunks { get; internal set; }

    public int OversizeChunks { get; internal set; }

    public int StateDumpChunks { get; internal set; }

    public int SimpleDumpChunks { get; internal set; }

    public int UnknownChunks { get; internal set; }

    /// <summary>
    /// Firehose chunks left unwalked because <see cref="Tracev3Reader.FirehoseFilter"/> rejected their base time or
    /// <see cref="Tracev3Reader.ProcessFilter"/> their process.
    /// </summary>
    public int SkippedFirehoseChunks { get; internal set; }

    /// <summary>Chunksets left compressed because <see cref="Tracev3Reader.ChunksetFilter"/> rejected their catalog description.</summary>
    public int SkippedChunksets { get; internal set; }

    /// <summary>Bytes produced by decompressing chunksets.</summary>
    public long DecompressedBytes { get; internal set; }

    // One count per kind (the kinds' values run to SimpleDump): a reader is kept per open file by a time-ordered merge,
    // thousands of them for an archive of overlapping files.
    private readonly long[] _events = new long[(int)TraceEventKind.SimpleDump + 1];

    internal void CountEvent(TraceEventKind kind)
    {
        if ((uint)kind < (uint)_events.Length)
        {
            _events[(int)kind]++;
        }
    }

    /// <summary>Events of a kind (0 when none).</summary>
    public long Events(TraceEventKind kind) => (uint)kind < (uint)_events.Length ? _events[(int)kind] : 0;
}
