using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// The timeline span of every reported call, sorted by opening, indexed so that "which call was active at position p"
/// costs O(log n) whatever the number of calls: a call is active at p when it opened before p and stays alive until
/// at least p (it had not ended before p and has an event after p). A max segment tree over the "alive until"
/// positions finds the latest-opened such call.
/// </summary>
internal sealed class CallSpans
{
    private readonly int[] _open;
    private readonly CallFlow[] _calls;
    private readonly int[] _tree;
    private readonly int _leaves;

    public CallSpans(EventTimeline timeline, IReadOnlyList<CallFlow> calls)
    {
        var spans = calls
            .Where(c => c.Opening is not null && c.Events.Count > 0)
            .Select(c => (Open: timeline.PositionOf(c.Opening!), AliveUntil: AliveUntil(timeline, c), Call: c))
            .OrderBy(s => s.Open)
            .ToArray();
        _open = spans.Select(s => s.Open).ToArray();
        _calls = spans.Select(s => s.Call).ToArray();
        _leaves = 1;
        while (_leaves < Math.Max(spans.Length, 1))
        {
            _leaves <<= 1;
        }

        _tree = new int[2 * _leaves];
        Array.Fill(_tree, int.MinValue);
        for (var i = 0; i < spans.Length; i++)
        {
            _tree[_leaves + i] = spans[i].AliveUntil;
        }

        for (var node = _leaves - 1; node >= 1; node--)
        {
            _tree[node] = Math.Max(_tree[2 * node], _tree[(2 * node) + 1]);
        }
    }

    /// <summary>
    /// The latest-opened call other than <paramref name="except"/> that was opened before <paramref name="position"/>,
    /// had not ended before it, and has an event after it.
    /// </summary>
    public CallFlow? ActiveAt(int position, CallFlow? except)
    {
        var hi = LastOpenedBefore(position);
        while (hi >= 0)
        {
            var found = FindLast(1, 0, _leaves - 1, hi, position);
            if (found < 0)
            {
                return null;
            }

            if (!ReferenceEquals(_calls[found], except))
            {
                return _calls[found];
            }

            hi = found - 1;
        }

        return null;
    }

    /// <summary>The last position the call is alive at: before its end, and before its last event.</summary>
    private static int AliveUntil(EventTimeline timeline, CallFlow call)
    {
        var last = int.MinValue;
        foreach (var e in call.Events)
        {
            last = Math.Max(last, timeline.PositionOf(e));
        }

        var end = call.Ending is { } ending ? timeline.PositionOf(ending) : int.MaxValue;
        return Math.Min(end, last - 1);
    }

    private int LastOpenedBefore(int position)
    {
        int lo = 0, hi = _open.Length - 1, result = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_open[mid] < position)
            {
                result = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return result;
    }

    /// <summary>The largest index ≤ <paramref name="limit"/> whose alive-until is ≥ <paramref name="position"/>, or -1.</summary>
    private int FindLast(int node, int from, int to, int limit, int position)
    {
        if (from > limit || _tree[node] < position)
        {
            return -1;
        }

        if (from == to)
        {
            return from;
        }

        var mid = (from + to) >>> 1;
        var right = FindLast((2 * node) + 1, mid + 1, to, limit, position);
        return right >= 0 ? right : FindLast(2 * node, from, mid, limit, position);
    }
}
