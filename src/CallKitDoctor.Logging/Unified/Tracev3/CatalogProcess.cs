namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// A process information entry of a catalog: identified in firehose chunks by its proc_id pair
/// (<see cref="FirstProcId"/>@<see cref="SecondProcId"/>), with its pid, euid, main and shared-cache UUIDs, loaded
/// images and subsystems.
/// </summary>
public sealed class CatalogProcess
{
    public ushort Index { get; init; }

    public ushort MainUuidIndex { get; init; }

    public ushort DscUuidIndex { get; init; }

    public Guid MainUuid { get; init; }

    /// <summary>The shared-cache UUID (empty when the index is 0xFFFF or out of range).</summary>
    public Guid DscUuid { get; init; }

    public ulong FirstProcId { get; init; }

    public uint SecondProcId { get; init; }

    public uint ProcessId { get; init; }

    public uint EffectiveUserId { get; init; }

    public IReadOnlyList<CatalogImage> Images { get; init; } = [];

    public IReadOnlyList<CatalogSubsystem> Subsystems { get; init; } = [];

    /// <summary>The subsystem with this identifier, or null.</summary>
    public CatalogSubsystem? FindSubsystem(ushort id)
    {
        // Indexed: called for every tracepoint, and a foreach over the interface allocates an enumerator each time.
        var subsystems = Subsystems;
        for (var i = 0; i < subsystems.Count; i++)
        {
            if (subsystems[i].Id == id)
            {
                return subsystems[i];
            }
        }

        return null;
    }

    /// <summary>The loaded image whose range holds <paramref name="address"/>.</summary>
    public bool TryFindImage(ulong address, out CatalogImage image)
    {
        foreach (var candidate in Images)
        {
            if (address >= candidate.LoadAddress && address - candidate.LoadAddress < candidate.Size)
            {
                image = candidate;
                return true;
            }
        }

        image = default;
        return false;
    }
}
