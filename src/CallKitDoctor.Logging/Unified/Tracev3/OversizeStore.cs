namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// Keeps the data of oversize chunks (0x6002) so entries that refer to them (flag 0x0800, data reference) can be
/// formatted, also when the oversize chunk sits in another chunkset or file. Keyed by proc_id pair and data
/// reference; stops keeping data past <see cref="Tracev3Limits.MaxOversizeBytes"/>.
/// </summary>
public sealed class OversizeStore
{
    private readonly Dictionary<(ulong, uint, uint), (byte[] Data, int PublicLength)> _entries = [];
    private long _bytes;

    /// <summary>Entries kept.</summary>
    public int Count => _entries.Count;

    /// <summary>Oversize chunks not kept because the limit was reached.</summary>
    public int Dropped { get; private set; }

    /// <summary>Keeps one oversize payload (public data then private data).</summary>
    public void Add(ulong firstProcId, uint secondProcId, uint dataReference, ReadOnlySpan<byte> publicData, ReadOnlySpan<byte> privateData)
    {
        var size = publicData.Length + privateData.Length;
        if (_bytes + size > Tracev3Limits.MaxOversizeBytes)
        {
            Dropped++;
            return;
        }

        if (_entries.TryGetValue((firstProcId, secondProcId, dataReference), out var kept) && kept.PublicLength == publicData.Length &&
            kept.Data.Length == size && publicData.SequenceEqual(kept.Data.AsSpan(0, publicData.Length)) &&
            privateData.SequenceEqual(kept.Data.AsSpan(publicData.Length)))
        {
            // The same payload again (a file read twice, copies of a file): counted as before, nothing allocated, so
            // the kept copy does not become garbage that lived long enough to reach the oldest generation.
            _bytes += size;
            return;
        }

        var data = new byte[size];
        publicData.CopyTo(data);
        privateData.CopyTo(data.AsSpan(publicData.Length));
        _entries[(firstProcId, secondProcId, dataReference)] = (data, publicData.Length);
        _bytes += size;
    }

    /// <summary>The public (data items) and private data of an oversize payload.</summary>
    public bool TryGet(ulong firstProcId, uint secondProcId, uint dataReference, out ReadOnlyMemory<byte> publicData, out ReadOnlyMemory<byte> privateData)
    {
        if (_entries.TryGetValue((firstProcId, secondProcId, dataReference), out var entry))
        {
            publicData = entry.Data.AsMemory(0, entry.PublicLength);
            privateData = entry.Data.AsMemory(entry.PublicLength);
            return true;
        }

        publicData = default;
        privateData = default;
        return false;
    }
}
