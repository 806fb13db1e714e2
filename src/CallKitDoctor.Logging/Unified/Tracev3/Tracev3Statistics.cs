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

    private readonly long[] _events = new long[256];

    internal void CountEvent(TraceEventKind kind) => _events[(byte)kind]++;

    /// <summary>Events of a kind (0 when none).</summary>
    public long Events(TraceEventKind kind) => _events[(byte)kind];
}
