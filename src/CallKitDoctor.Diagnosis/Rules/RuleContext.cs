using System.Globalization;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// What rules read (the calls, the timeline, the events tied to no call, the log's coverage) and where they report.
/// Also answers the questions several rules share: which call was active at a moment, and whether the log could show
/// a given kind of line at all.
/// </summary>
public sealed class RuleContext
{
    private readonly Lazy<LogFacts> _facts;
    private readonly Lazy<Dictionary<CallEvent, CallFlow>> _owners;
    private readonly Lazy<CallSpans> _spans;

    /// <param name="flows">The calls and the timeline the rules read.</param>
    /// <param name="coverage">The log's coverage.</param>
    /// <param name="options">The time limits.</param>
    /// <param name="facts">
    /// Whole-log facts when the timeline is one episode of a longer log; null to take them from the timeline.
    /// </param>
    public RuleContext(FlowReconstruction flows, LogCoverage coverage, DiagnosisOptions? options = null, LogFacts? facts = null)
    {
        Flows = flows;
        Coverage = coverage;
        Options = options ?? DiagnosisOptions.Default;
        _facts = facts is null ? new(() => LogFacts.Of(Timeline.Events)) : new(() => facts);
        _owners = new(() =>
        {
            var owners = new Dictionary<CallEvent, CallFlow>(ReferenceEqualityComparer.Instance);
            foreach (var call in Calls)
            {
                foreach (var e in call.Events)
                {
                    owners.TryAdd(e, call);
                }
            }

            return owners;
        });
        _spans = new(() => new CallSpans(Timeline, Calls));
    }

    public FlowReconstruction Flows { get; }

    public EventTimeline Timeline => Flows.Timeline;

    public IReadOnlyList<CallFlow> Calls => Flows.Calls;

    /// <summary>Events tied to no call.</summary>
    public IReadOnlyList<CallEvent> Unassigned => Flows.Unassigned;

    public LogCoverage Coverage { get; }

    public DiagnosisOptions Options { get; }

    /// <summary>Findings about the log as a whole (not tied to one call).</summary>
    public List<Finding> LogFindings { get; } = [];

    /// <summary>
    /// True when the log carries CallKit framework lines (from the app's CXProvider or from callservicesd), so that a
    /// setConfiguration ("was notified that configuration was set" / "registerWithConfiguration") would show in it.
    /// App-only NSLog captures do not.
    /// </summary>
    public bool CallKitFrameworkVisible => _facts.Value.CallKitFrameworkVisible;

    /// <summary>
    /// True when the log could show CallKit's audio activation: it has activation-state lines somewhere, or CallKit
    /// framework lines (subsystem <c>com.apple.calls.callkit</c>, or lines whose subsystem the capture does not show)
    /// from the app or callservicesd. A capture filtered to other subsystems, or app-only NSLog output, cannot.
    /// </summary>
    public bool ActivationObservable => _facts.Value.ActivationObservable;

    /// <summary>
    /// When the timeline is an episode of a longer log: the last reported call of the earlier episodes (its end is not
    /// in <see cref="Timeline"/>). Null for the first episode or a whole log.
    /// </summary>
    public CallFlow? PrecedingCall { get; init; }

    /// <summary>True when the earlier episodes logged a setConfiguration (or registration) after <see cref="PrecedingCall"/> ended.</summary>
    public bool ConfigurationAfterPrecedingCall { get; init; }

    /// <summary>
    /// True when the earlier episodes end with lines without timestamps among which is a setConfiguration (or
    /// registration): a look-back from the start of <see cref="Timeline"/> that only meets untimed lines reaches it.
    /// </summary>
    public bool UntimedConfigurationBefore { get; init; }

    /// <summary>
    /// A call other than <paramref name="except"/> that was active at <paramref name="moment"/>: opened before it, not
    /// ended before it, and with some event at or after it (a call whose end is not logged and that shows no later
    /// activity is not assumed to be still active).
    /// </summary>
    public CallFlow? ActiveCallAt(CallEvent moment, CallFlow? except = null) =>
        _spans.Value.ActiveAt(Timeline.PositionOf(moment), except);

    /// <summary>The call an event belongs to, or null for a log-level event.</summary>
    public CallFlow? CallOf(CallEvent e) => _owners.Value.GetValueOrDefault(e);

    /// <summary>Reports a finding on a call, or on the log when <paramref name="call"/> is null.</summary>
    public Finding Report(
        DiagnosticDescriptor descriptor,
        string message,
        IEnumerable<Evidence> evidence,
        CallFlow? call = null,
        FindingSeverity? severity = null)
    {
        var finding = new Finding(descriptor, severity ?? descriptor.DefaultSeverity, message,
            evidence.Take(Options.MaxEvidence).ToList(), call?.Index);
        if (call is null)
        {
            LogFindings.Add(finding);
        }
        else
        {
            call.Findings.Add(finding);
        }

        return finding;
    }

    /// <summary>Reports that the log does not cover what a rule needed (once per call and message).</summary>
    public void ReportCoverageGap(CallFlow? call, string message, IEnumerable<Evidence> evidence)
    {
        var existing = call is null ? LogFindings : call.Findings;
        if (existing.Exists(f => f.Id == FindingDescriptors.LogCoverageGap.Id && f.Message == message))
        {
            return;
        }

        Report(FindingDescriptors.LogCoverageGap, message, evidence, call);
    }

    /// <summary>Cites an event's entry.</summary>
    public static Evidence Cite(CallEvent e, string? note = null) => Evidence.From(e.Entry, note);

    /// <summary>
    /// A timestamp moved by <paramref name="delta"/>, or null when that leaves the representable range (time-only
    /// captures sit on the placeholder date 0001-01-01, so "five seconds before 00:00:02" does not exist).
    /// </summary>
    public static LogTimestamp? Shift(LogTimestamp ts, TimeSpan delta)
    {
        var ticks = ts.Local.Ticks;
        return delta.Ticks < 0 ? (ticks + delta.Ticks < 0 ? null : ts.Add(delta))
            : (ticks > DateTime.MaxValue.Ticks - delta.Ticks ? null : ts.Add(delta));
    }

    /// <summary>When an event happened, for messages: its time of day, or its input line when it has no time.</summary>
    public static string When(CallEvent e) => e.Timestamp is { } ts
        ? ts.Local.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture)
        : $"line {e.Entry.Location.Line}";

    /// <summary>A time of day for messages.</summary>
    public static string When(LogTimestamp ts) => ts.Local.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>A duration for messages (<c>2.4 s</c>, <c>35 ms</c>).</summary>
    public static string Describe(TimeSpan span) => span.Duration() < TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");

    /// <summary>The events of the call after <paramref name="after"/> (by timeline position).</summary>
    public IEnumerable<CallEvent> EventsAfter(CallFlow call, CallEvent after)
    {
        var position = Timeline.PositionOf(after);
        return Positioned(call.Events, Timeline, position, after: true);
    }

    /// <summary>The events of the call before <paramref name="before"/> (by timeline position).</summary>
    public IEnumerable<CallEvent> EventsBefore(CallFlow call, CallEvent before)
    {
        var position = Timeline.PositionOf(before);
        return Positioned(call.Events, Timeline, position, after: false);
    }

    /// <summary>
    /// True when the call ended within <paramref name="window"/> after <paramref name="from"/> (so nothing more was due).
    /// </summary>
    public bool EndedWithin(CallFlow call, CallEvent from, TimeSpan window) =>
        call.Ending is { } ending && Timeline.PositionOf(ending) > Timeline.PositionOf(from) &&
        (ending.Timestamp is not { } end || from.Timestamp is not { } start || end.Subtract(start) <= window);

    /// <summary>
    /// Whether the log shows what happened in the <paramref name="window"/> after <paramref name="from"/>: null when it
    /// does, else the reason it does not (for a coverage-gap message).
    /// </summary>
    public string? WhyNotCoveredAfter(CallEvent from, TimeSpan window)
    {
        if (from.Timestamp is not { } start)
        {
            return $"the line at {When(from)} has no timestamp, so the time after it cannot be measured";
        }

        if (Shift(start, window) is not { } end)
        {
            return $"the time after {When(from)} cannot be measured";
        }

        if (Coverage.Covers(start, end))
        {
            return null;
        }

        if (Coverage.Last is { } last && last < end)
        {
            return $"the log ends {Describe(last.Subtract(start))} after {When(from)}, before the {Describe(window)} that matter";
        }

        return $"the log has a hole in the {Describe(window)} after {When(from)}";
    }

    // The call's events after (or before) a timeline position, in the call's order: one iterator, no closure or delegate
    // (the rules ask this for many events of every call).
    private static IEnumerable<CallEvent> Positioned(List<CallEvent> events, EventTimeline timeline, int position, bool after)
    {
        foreach (var e in events)
        {
            var at = timeline.PositionOf(e);
            if (after ? at > position : at < position)
            {
                yield return e;
            }
        }
    }
}
