using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Events;

/// <summary>
/// A log entry recognised by a signature: what it means (<see cref="Kind"/>), who logged it, and the values the
/// signature extracted from it (call UUID, session id, OSStatus, action type…). Values are null when the line does not
/// show them (for example when they were redacted as <c>&lt;private&gt;</c>).
/// </summary>
public sealed class CallEvent
{
    public required EventKind Kind { get; init; }

    /// <summary>The id of the catalog signature that matched (stable, e.g. <c>callkit.app.report-new-incoming</c>).</summary>
    public required string SignatureId { get; init; }

    /// <summary>The entry that matched.</summary>
    public required LogEntry Entry { get; init; }

    /// <summary>Which side logged it.</summary>
    public EventActor Actor { get; init; }

    /// <summary>How far the match can be trusted: a format-string match, a rendered Apple message, or an app's own wording.</summary>
    public MatchConfidence Confidence { get; init; } = MatchConfidence.Exact;

    /// <summary>The call UUID the line shows, when not redacted.</summary>
    public Guid? CallUuid { get; init; }

    /// <summary>The action class named by the line (answer, start, hold…).</summary>
    public CallActionType? Action { get; init; }

    /// <summary>For hold actions: true = put on hold, false = taken off hold.</summary>
    public bool? OnHold { get; init; }

    /// <summary>For activation state lines: true = active (1), false = inactive (0).</summary>
    public bool? Active { get; init; }

    /// <summary>An audio session id shown by the line (<c>session ID = 0x0</c>, <c>Activated session 0xd387b18</c>).</summary>
    public uint? SessionId { get; init; }

    /// <summary>An OSStatus or error code shown by the line (561017449, -50, -12983…).</summary>
    public int? StatusCode { get; init; }

    /// <summary>A CallKit error domain code (requesttransaction error 7) shown by the line.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>The error domain that goes with <see cref="ErrorCode"/>, when shown.</summary>
    public string? ErrorDomain { get; init; }

    /// <summary>The process id of the controlling process for an audio activation, when shown (<c>controlling_PID</c>).</summary>
    public int? ControllingPid { get; init; }

    /// <summary>The timestamp of the entry (shortcut).</summary>
    public LogTimestamp? Timestamp => Entry.Timestamp;

    public override string ToString() => $"{Kind} [{SignatureId}] {Entry}";
}
