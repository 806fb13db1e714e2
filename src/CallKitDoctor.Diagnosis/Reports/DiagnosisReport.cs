using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Reports;

/// <summary>
/// Everything one diagnosis found: the input it read, the device context, the calls with their verdicts and
/// findings, and findings about the log as a whole. Renderers (terminal, JSON, Markdown, HTML) read only this.
/// </summary>
public sealed class DiagnosisReport
{
    /// <summary>The version of the JSON schema this report is written with. Bump on any breaking change.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>What was read and how (format, line and entry counts, unparsed lines, reading problems).</summary>
    public required LogReadSummary Input { get; init; }

    public required CaptureContext Context { get; init; }

    public required LogCoverage Coverage { get; init; }

    public List<CallFlow> Calls { get; } = [];

    /// <summary>Findings not tied to one call.</summary>
    public List<Finding> Findings { get; } = [];

    /// <summary>Recognised events tied to no call (log-level timeline: a crash report's termination, stray audio errors).</summary>
    public List<CallEvent> OtherEvents { get; } = [];

    /// <summary>Every finding, the log-level ones first, then each call's.</summary>
    public IEnumerable<Finding> AllFindings => Findings.Concat(Calls.SelectMany(c => c.Findings));

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
