using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Reports;

/// <summary>
/// Everything one diagnosis found: the input it read, the device context, the calls with their verdicts and
/// findings, and findings about the log as a whole. Renderers (terminal, JSON, Markdown, HTML) read only this.
/// </summary>
/// <remarks>
/// A streamed diagnosis (<see cref="CallDiagnoser.Diagnose(ILogEntrySource, ICallSink, CancellationToken)"/>) hands
/// each finished call to a sink instead of keeping it: <see cref="Calls"/> then stays empty and
/// <see cref="StreamedCalls"/> counts what went to the sink. <see cref="CallCount"/> and <see cref="Totals"/> cover
/// both.
/// </remarks>
public sealed class DiagnosisReport
{
    /// <summary>The version of the JSON schema this report is written with. Bump on any breaking change.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>What was read and how (format, line and entry counts, unparsed lines, reading problems).</summary>
    public required LogReadSummary Input { get; init; }

    public required CaptureContext Context { get; init; }

    public required LogCoverage Coverage { get; init; }

    /// <summary>The calls kept in the report (none when they were streamed to a sink).</summary>
    public List<CallFlow> Calls { get; } = [];

    /// <summary>What the calls handed to a sink instead of kept in <see cref="Calls"/> add up to.</summary>
    public CallTally StreamedCalls { get; init; } = new();

    /// <summary>Every call of the diagnosis: those streamed to a sink and those kept.</summary>
    public int CallCount => StreamedCalls.Calls + Calls.Count;

    /// <summary>Findings not tied to one call.</summary>
    public List<Finding> Findings { get; } = [];

    /// <summary>Recognised events tied to no call (log-level timeline: a crash report's termination, stray audio errors).</summary>
    public List<CallEvent> OtherEvents { get; } = [];

    /// <summary>Every finding kept, the log-level ones first, then each kept call's (streamed calls' are counted in <see cref="StreamedCalls"/>).</summary>
    public IEnumerable<Finding> AllFindings => Findings.Concat(Calls.SelectMany(c => c.Findings));

    /// <summary>
    /// The counts of the whole diagnosis: every call (streamed or kept) and every finding, ids in order of first
    /// appearance with the log-level findings first, then the calls' in call order (as <see cref="AllFindings"/>
    /// lists them when every call is kept).
    /// </summary>
    public CallTally Totals()
    {
        var totals = new CallTally();
        foreach (var finding in Findings)
        {
            totals.Add(finding);
        }

        totals.Add(StreamedCalls);
        foreach (var call in Calls)
        {
            totals.Add(call);
        }

        return totals;
    }

    /// <summary>How many entries were recognised as call events.</summary>
    public long RecognisedEvents { get; set; }

    /// <summary>How many episodes the log was diagnosed in (1 when it was diagnosed at once).</summary>
    public int Episodes { get; set; } = 1;

    /// <summary>
    /// Lines older than an episode already closed, and events tied to a call of a closed episode: each could make the
    /// episode-by-episode reading differ from a whole-log one (0 for a log in time order whose calls do not come back).
    /// </summary>
    public long LateEvents { get; set; }
}
