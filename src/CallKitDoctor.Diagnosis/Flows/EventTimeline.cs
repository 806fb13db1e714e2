using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Flows;

/// <summary>
/// The recognised events of one log in time order. Events without a timestamp (bare print lines, pasted fragments)
/// keep their place after the timed event that preceded them in the input; the sort is stable, so equal times keep
/// input order. Pasted logs whose segments are out of order are put back in time order.
/// </summary>
public sealed class EventTimeline
{
    private readonly List<CallEvent> _events;
    private readonly Dictionary<CallEvent, int> _positions;

    /// <param name="inputOrder">The events in the order they were read.</param>
    public EventTimeline(IReadOnlyList<CallEvent> inputOrder)
    {
        var keyed = new (long Key, int Sequence, CallEvent Event)[inputOrder.Count];
        var key = long.MinValue;
        for (var i = 0; i < inputOrder.Count; i++)
        {
            var e = inputOrder[i];
            if (e.Timestamp is { } ts)
            {
                key = ts.OrderingTicks;
            }

            keyed[i] = (key, i, e);
        }

        Array.Sort(keyed, static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Sequence.CompareTo(b.Sequence));
        _events = new List<CallEvent>(keyed.Length);
        _positions = new Dictionary<CallEvent, int>(keyed.Length, ReferenceEqualityComparer.Instance);
        foreach (var (_, _, e) in keyed)
        {
            _positions[e] = _events.Count;
            _events.Add(e);
        }
    }

    /// <summary>The events in time order.</summary>
    public IReadOnlyList<CallEvent> Events => _events;

    public int Count => _events.Count;

    /// <summary>The position of an event in the timeline (-1 when it is not in it).</summary>
    public int PositionOf(CallEvent e) => _positions.TryGetValue(e, out var p) ? p : -1;

    /// <summary>True when <paramref name="a"/> comes before <paramref name="b"/>.</summary>
    public bool IsBefore(CallEvent a, CallEvent b) => PositionOf(a) < PositionOf(b);

    /// <summary>The events strictly between two positions.</summary>
    public IEnumerable<CallEvent> Between(int fromExclusive, int toExclusive)
    {
        for (var i = Math.Max(fromExclusive + 1, 0); i < Math.Min(toExclusive, _events.Count); i++)
        {
            yield return _events[i];
        }
    }
}
