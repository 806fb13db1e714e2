using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Flows;

/// <summary>
/// Rebuilds the calls of a whole timeline at once with a <see cref="FlowAssembler"/>, then puts each call's events and
/// the unassigned events in timeline order.
/// </summary>
public sealed class CallFlowBuilder(DiagnosisOptions options)
{
    public CallFlowBuilder()
        : this(DiagnosisOptions.Default)
    {
    }

    /// <summary>Builds the calls of a timeline.</summary>
    public FlowReconstruction Build(EventTimeline timeline)
    {
        var assembler = new FlowAssembler(options);
        foreach (var e in timeline.Events)
        {
            assembler.Add(e);
        }

        assembler.Finish();
        return Collect(timeline, assembler, 0);
    }

    /// <summary>
    /// The calls opened since <paramref name="firstCall"/> (0-based position in <see cref="FlowAssembler.Calls"/>)
    /// and the assembler's unassigned events, each put in the order of <paramref name="timeline"/>.
    /// </summary>
    internal static FlowReconstruction Collect(EventTimeline timeline, FlowAssembler assembler, int firstCall)
    {
        var calls = assembler.Calls.GetRange(firstCall, assembler.Calls.Count - firstCall);
        foreach (var call in calls)
        {
            call.Events.Sort((a, b) => timeline.PositionOf(a).CompareTo(timeline.PositionOf(b)));
        }

        var unassigned = new List<CallEvent>(assembler.Unassigned);
        unassigned.Sort((a, b) => timeline.PositionOf(a).CompareTo(timeline.PositionOf(b)));
        return new FlowReconstruction(timeline, calls, unassigned);
    }
}
