using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Streaming;

/// <summary>
/// Counts of calls and findings that stay constant in size however many calls pass: calls, calls per verdict,
/// findings per id (in order of first appearance) and per severity. What a report's summary prints for calls that
/// were streamed to a sink rather than kept.
/// </summary>
public sealed class CallTally
{
    private readonly int[] _verdicts = new int[SlotsFor(typeof(CallVerdict))];
    private readonly int[] _severities = new int[SlotsFor(typeof(FindingSeverity))];
    private readonly List<string> _order = [];
    private readonly Dictionary<string, int> _findings = new(StringComparer.Ordinal);

    /// <summary>Calls counted.</summary>
    public int Calls { get; private set; }

    /// <summary>Findings counted (of calls and any added on their own).</summary>
    public int TotalFindings { get; private set; }

    /// <summary>Findings per id, in order of first appearance.</summary>
    public IEnumerable<(string Id, int Count)> Findings => _order.Select(id => (id, _findings[id]));

    /// <summary>Calls with the verdict.</summary>
    public int Count(CallVerdict verdict) => (int)verdict < _verdicts.Length && verdict >= 0 ? _verdicts[(int)verdict] : 0;

    /// <summary>Findings of the severity.</summary>
    public int Count(FindingSeverity severity) =>
        (int)severity < _severities.Length && severity >= 0 ? _severities[(int)severity] : 0;

    /// <summary>Findings with the id.</summary>
    public int Count(string id) => _findings.GetValueOrDefault(id);

    /// <summary>Counts a call: its verdict and its findings.</summary>
    public void Add(CallFlow call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Calls++;
        if (call.Verdict >= 0 && (int)call.Verdict < _verdicts.Length)
        {
            _verdicts[(int)call.Verdict]++;
        }

        foreach (var finding in call.Findings)
        {
            Add(finding);
        }
    }

    /// <summary>Counts a finding (of the log or of a call).</summary>
    public void Add(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        AddFindings(finding.Id, 1);
        if (finding.Severity >= 0 && (int)finding.Severity < _severities.Length)
        {
            _severities[(int)finding.Severity]++;
        }
    }

    /// <summary>Adds everything <paramref name="other"/> counted, after what this tally counted so far.</summary>
    public void Add(CallTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Calls += other.Calls;
        for (var i = 0; i < _verdicts.Length; i++)
        {
            _verdicts[i] += other._verdicts[i];
        }

        for (var i = 0; i < _severities.Length; i++)
        {
            _severities[i] += other._severities[i];
        }

        foreach (var id in other._order)
        {
            AddFindings(id, other._findings[id]);
        }
    }

    private void AddFindings(string id, int count)
    {
        if (_findings.TryGetValue(id, out var n))
        {
            _findings[id] = n + count;
        }
        else
        {
            _findings[id] = count;
            _order.Add(id);
        }

        TotalFindings += count;
    }

    // One slot per value of an int-backed enum, up to its largest (read without generic enum helpers, which would be
    // compiled at start-up for each enum).
    private static int SlotsFor(Type enumType)
    {
        var largest = 0;
        foreach (var value in Enum.GetValuesAsUnderlyingType(enumType))
        {
            largest = Math.Max(largest, (int)value);
        }

        return largest + 1;
    }
}
