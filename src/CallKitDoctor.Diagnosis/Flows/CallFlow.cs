using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Flows;

/// <summary>
/// One call rebuilt from the log: its events across the app, callservicesd and the audio server, in time order,
/// with the verdict and findings the rules gave it.
/// </summary>
public sealed class CallFlow
{
    /// <summary>1-based position of the call in the log.</summary>
    public required int Index { get; init; }

    public CallDirection Direction { get; set; }

    /// <summary>The CallKit call UUID, when the log shows it unredacted.</summary>
    public Guid? CallUuid { get; set; }

    /// <summary>The app process that owns the call, when known.</summary>
    public string? AppProcess { get; set; }

    /// <summary>
    /// The event that made this a call: the incoming report (app or callservicesd) or the outgoing start. Null for a
    /// VoIP push that was never reported, or a call seen only through later events.
    /// </summary>
    public CallEvent? Opening { get; set; }

    /// <summary>The event that ended the call (reported end, end action, provider reset), when logged.</summary>
    public CallEvent? Ending { get; set; }

    /// <summary>The call's events in time (then input) order.</summary>
    public List<CallEvent> Events { get; } = [];

    public CallVerdict Verdict { get; set; }

    /// <summary>Why the verdict is what it is, in one sentence.</summary>
    public string? VerdictReason { get; set; }

    public List<Finding> Findings { get; } = [];

    public LogTimestamp? Start => Events.Find(e => e.Timestamp is not null)?.Timestamp;

    public LogTimestamp? End => Events.FindLast(e => e.Timestamp is not null)?.Timestamp;

    /// <summary>The first event of a kind, if any.</summary>
    public CallEvent? First(EventKind kind) => Events.Find(e => e.Kind == kind);

    /// <summary>True when some event of the kind is in the flow.</summary>
    public bool Has(EventKind kind) => Events.Exists(e => e.Kind == kind);

    /// <summary>True when a finding with the id was reported for the call.</summary>
    public bool HasFinding(string id) => Findings.Exists(f => f.Id == id);

    public override string ToString() => $"call #{Index} {Direction} ({Events.Count} events, {Verdict})";
}
