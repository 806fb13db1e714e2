using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// The timeline span of every reported call (opening, end, last event), sorted by opening, with a running maximum
/// of the last positions so that "which call was active at position p" looks only at calls that can still be alive:
/// logs with thousands of calls stay linear.
/// </summary>
internal sealed class CallSpans
{
    private readonly (int Open, int End, int Last, CallFlow Call)[] _spans;
    private readonly int[] _maxLast;

    public CallSpans(EventTimeline timeline, IReadOnlyList<CallFlow> calls)
    {
        _spans = calls
            .Where(c => c.Opening is not null && c.Events.Count > 0)
            .Select(c => (
                Open: timeline.PositionOf(c.Opening!),
                End: c.Ending is { } end ? timeline.PositionOf(end) : int.MaxValue,
                Last: c.Events.Max(timeline.PositionOf),
                Call: c))
            .OrderBy(s => s.Open)
            .ToArray();
        _maxLast = new int[_spans.Length];
        var max = int.MinValue;
        for (var i = 0; i < _spans.Length; i++)
        {
            max = Math.Max(max, _spans[i].Last);
            _maxLast[i] = max;
        }
    }

    /// <summary>
    /// The latest-opened call other than <paramref name="except"/> that was opened before <paramref name="position"/>,
    /// had not ended before it, and has an event after it.
    /// </summary>
    public CallFlow? ActiveAt(int position, CallFlow? except)
    {
        // Last span opened before the position.
        int lo = 0, hi = _spans.Length - 1, start = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_spans[mid].Open < position)
            {
                start = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (var i = start; i >= 0 && _maxLast[i] > position; i--)
        {
            var (_, end, last, call) = _spans[i];
            if (!ReferenceEquals(call, except) && end >= position && last > position)
            {
                return call;
            }
        }

        return null;
    }
}
