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

    /// <summary>The call's events in time (then input) order.</summary>
    public List<CallEvent> Events { get; } = [];

    public CallVerdict Verdict { get; set; }

    /// <summary>Why the verdict is what it is, in one sentence.</summary>
    public string? VerdictReason { get; set; }

    public List<Finding> Findings { get; } = [];

    public LogTimestamp? Start => Events.Count > 0 ? Events[0].Timestamp : null;

    public LogTimestamp? End => Events.Count > 0 ? Events[^1].Timestamp : null;

    /// <summary>The first event of a kind, if any.</summary>
    public CallEvent? First(EventKind kind) => Events.Find(e => e.Kind == kind);

    /// <summary>True when some event of the kind is in the flow.</summary>
    public bool Has(EventKind kind) => Events.Exists(e => e.Kind == kind);
}
