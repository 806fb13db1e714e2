namespace CallKitDoctor.Scenarios.Tracev3;

/// <summary>A process as a catalog describes it: proc_id pair, pid, euid, main executable and shared-cache UUIDs, subsystems.</summary>
public sealed class TraceProcess
{
    private readonly List<(ushort Id, string Subsystem, string Category)> _subsystems = [];

    public TraceProcess(uint pid, uint euid, ulong firstProcId, uint secondProcId, Guid mainUuid, Guid dscUuid)
    {
        ProcessId = pid;
        EffectiveUserId = euid;
        FirstProcId = firstProcId;
        SecondProcId = secondProcId;
        MainUuid = mainUuid;
        DscUuid = dscUuid;
    }

    public uint ProcessId { get; }

    public uint EffectiveUserId { get; }

    public ulong FirstProcId { get; }

    public uint SecondProcId { get; }

    public Guid MainUuid { get; }

    public Guid DscUuid { get; }

    /// <summary>The subsystem/category pairs, with the identifiers tracepoints name them by.</summary>
    public IReadOnlyList<(ushort Id, string Subsystem, string Category)> Subsystems => _subsystems;

    /// <summary>The identifier of a subsystem/category pair (added on first use).</summary>
    public ushort Subsystem(string subsystem, string category)
    {
        foreach (var s in _subsystems)
        {
            if (s.Subsystem == subsystem && s.Category == category)
            {
                return s.Id;
            }
        }

        var id = (ushort)(_subsystems.Count + 1);
        _subsystems.Add((id, subsystem, category));
        return id;
    }
}
