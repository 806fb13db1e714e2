using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Flows;

/// <summary>The calls rebuilt from a timeline, and the events that belong to no call.</summary>
public sealed class FlowReconstruction(EventTimeline timeline, IReadOnlyList<CallFlow> calls, IReadOnlyList<CallEvent> unassigned)
{
    public EventTimeline Timeline { get; } = timeline;

    public IReadOnlyList<CallFlow> Calls { get; } = calls;

    /// <summary>Recognised events tied to no call (log-level evidence), in time order.</summary>
    public IReadOnlyList<CallEvent> Unassigned { get; } = unassigned;
}
