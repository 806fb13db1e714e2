using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Flows;

/// <summary>
/// Ties events to calls one at a time, in timeline order: by call UUID when the line shows one, otherwise by process
/// and order (push, launch, delivery and configuration events wait for the next report, which opens a call; the app's
/// report and callservicesd's receipt of it are one call; answer, activation and audio events belong to the latest
/// open call that is not on hold). Events that fit no call are unassigned (log-level evidence).
/// </summary>
/// <remarks>
/// The assembler keeps its state between events, so a log can be fed in episodes: while it <see cref="IsQuiet"/>
/// (no call open, nothing waiting for a report) a new episode may start with <see cref="BeginEpisode"/>, which clears
/// the episode's unassigned events and forgets the per-call bookkeeping of finished calls. Only the calls themselves
/// (for UUID lookup, numbering and the last call's end) stay, until <see cref="ReleaseFinished"/> lets the oldest go.
/// </remarks>
public sealed class FlowAssembler(DiagnosisOptions options)
{
    /// <summary>How far apart the app's report and callservicesd's receipt (or two start lines) may be to be one call.</summary>
    public static readonly TimeSpan PairingWindow = TimeSpan.FromSeconds(3);

    private readonly Dictionary<Guid, CallFlow> _byUuid = [];

    // How many kept calls carry each UUID: lets RestoreEpisodeStart look for an earlier owner only when there is one.
    private readonly Dictionary<Guid, int> _holders = [];
    private readonly List<LateAttachment> _late = [];
    private int _episodeFirstCall;
    private int _released;
    private CallFlow? _episodeLastClosed;

    private readonly List<CallFlow> _open = [];
    private CallFlow? _lastClosed;
    private readonly HashSet<CallFlow> _held = [];
    private readonly HashSet<CallFlow> _answered = [];
    private readonly HashSet<CallFlow> _activated = [];
    private readonly List<CallEvent> _pending = [];

    /// <summary>
    /// Every call so far that was not released (<see cref="ReleaseFinished"/>), in the order they were opened (their
    /// <see cref="CallFlow.Index"/> order).
    /// </summary>
    public List<CallFlow> Calls { get; } = [];

    /// <summary>How many calls were opened, released ones included.</summary>
    public int CallCount => _released + Calls.Count;

    /// <summary>The unassigned events of the current episode (all of them when the log is fed as one episode).</summary>
    public List<CallEvent> Unassigned { get; } = [];

    /// <summary>True when no call is open and no event waits for a report: nothing in progress.</summary>
    public bool IsQuiet => _open.Count == 0 && _pending.Count == 0;

    /// <summary>The index of the first call of the current episode (calls before it belong to closed episodes).</summary>
    public int EpisodeFirstCall => _episodeFirstCall;

    /// <summary>The position in <see cref="Calls"/> of the first call of the current episode.</summary>
    public int EpisodeStart => _episodeFirstCall - 1 - _released;

    /// <summary>How many events were tied to a call of an already closed episode (by its UUID, or untimed lines).</summary>
    public int LateAttachments { get; private set; }

    /// <summary>Adds the next event of the timeline.</summary>
    public void Add(CallEvent e)
    {
        if (e.CallUuid is { } uuid && _byUuid.TryGetValue(uuid, out var known))
        {
            Attach(known, e);
            return;
        }

        switch (e.Kind)
        {
            case EventKind.PushReceived:
            case EventKind.AppLaunched:
            case EventKind.VoipPayloadDelivered:
                AddPushEvent(e);
                break;
            case EventKind.ConfigurationSet:
            case EventKind.ConfigurationRegistered:
            case EventKind.ProviderBegan:
                _pending.Add(e);
                break;
            case EventKind.PushNotReportedTermination:
                if (HasPendingPush())
                {
                    _pending.Add(e);
                    FlushUnreportedPush();
                }
                else
                {
                    Unassigned.Add(e);
                }

                break;
            case EventKind.IncomingCallReported:
            case EventKind.IncomingCallReceived:
                AddIncomingReport(e);
                break;
            case EventKind.OutgoingCallStarted:
                AddOutgoingStart(e);
                break;
            case EventKind.ActionPerformed:
            case EventKind.ActionCompleted:
            case EventKind.ActionFailed:
            case EventKind.ActionTimedOut:
                AddAction(e);
                break;
            case EventKind.HoldChanged:
                AddHold(e);
                break;
            case EventKind.CallEnded when RecentlyEnded(e) is { } ended:
                AddEvent(ended, e);
                break;
            case EventKind.CallEnded:
                if (LatestOpen() is { } ending)
                {
                    Attach(ending, e);
                }
                else
                {
                    Unassigned.Add(e);
                }

                break;
            case EventKind.ProviderReset:
                AddProviderReset(e);
                break;
            case EventKind.TransactionError:
                Unassigned.Add(e);
                break;
            default:
                AddAudioEvent(e);
                break;
        }
    }

    /// <summary>Ends the log: an unreported push becomes a call, configuration lines still waiting are unassigned.</summary>
    public void Finish()
    {
        if (HasPendingPush())
        {
            FlushUnreportedPush();
        }

        Unassigned.AddRange(_pending);
        _pending.Clear();
    }

    /// <summary>
    /// Ends a stretch of log as <see cref="Finish"/> ends the log, and also lets go of the calls still open (they keep
    /// no end, as at the end of a log), so that <see cref="IsQuiet"/> holds and a new episode can begin. Used when the
    /// log's clock jumps back: what follows is another capture, not a continuation of these calls.
    /// </summary>
    public void EndSegment()
    {
        Finish();
        _open.Clear();
        _held.Clear();
        _lastClosed = null;
    }

    private void AddPushEvent(CallEvent e)
    {
        // A second push (or a second delivery) while the first is still unreported: the first one never became a call.
        var startsNewPush = e.Kind switch
        {
            EventKind.PushReceived => HasPendingPush(),
            EventKind.VoipPayloadDelivered => _pending.Exists(p => p.Kind == EventKind.VoipPayloadDelivered),
            _ => _pending.Exists(p => p.Kind == EventKind.AppLaunched),
        };
        if (startsNewPush)
        {
            FlushUnreportedPush();
        }

        _pending.Add(e);
    }

    private void AddIncomingReport(CallEvent e)
    {
        // The app's report, callservicesd's receipt and its "add incoming call request" (and an SDK's own line
        // next to CallKit's) are one call: they come within moments of each other with different signatures.
        // The same signature again is a new report, hence a new call.
        var latest = Calls.Count > 0 ? Calls[^1] : null;
        if (latest is { Direction: CallDirection.Incoming, Ending: null } && latest.Opening is { } opening &&
            opening.Kind is EventKind.IncomingCallReported or EventKind.IncomingCallReceived &&
            !_answered.Contains(latest) && Near(opening, e, PairingWindow) && UuidCompatible(latest, e) &&
            !latest.Events.Exists(x => x.SignatureId == e.SignatureId && x.Actor == e.Actor))
        {
            Attach(latest, e);
            return;
        }

        Open(CallDirection.Incoming, e);
    }

    private void AddOutgoingStart(CallEvent e)
    {
        var latest = LatestOpen();
        if (latest is { Direction: CallDirection.Outgoing } && !_activated.Contains(latest) && latest.Opening is { } opening &&
            Near(opening, e, PairingWindow) && UuidCompatible(latest, e))
        {
            Attach(latest, e);
            return;
        }

        Open(CallDirection.Outgoing, e);
    }

    private void AddAction(CallEvent e)
    {
        if (e.Action == CallActionType.End && RecentlyEnded(e) is { } ended)
        {
            // The same end seen by the other process, or its completion.
            AddEvent(ended, e);
            return;
        }

        switch (e.Action)
        {
            case CallActionType.Start:
                if (LatestOpen(c => c.Direction == CallDirection.Outgoing && !_activated.Contains(c)) is { } outgoing)
                {
                    Attach(outgoing, e);
                }
                else if (e.Kind is EventKind.ActionPerformed or EventKind.ActionCompleted)
                {
                    Open(CallDirection.Outgoing, e);
                }
                else
                {
                    Unassigned.Add(e);
                }

                return;
            case CallActionType.Answer:
                var answering = LatestOpen(c => c.Direction == CallDirection.Incoming && !_answered.Contains(c)) ?? LatestOpen();
                if (answering is null)
                {
                    if (e.Kind is EventKind.ActionFailed or EventKind.ActionTimedOut && !HasPendingPush())
                    {
                        Unassigned.Add(e);
                        return;
                    }

                    answering = Open(CallDirection.Incoming, null);
                }

                Attach(answering, e);
                return;
            case CallActionType.SetHeld:
                AddHold(e);
                return;
            default:
                if (LatestOpen() is { } target)
                {
                    Attach(target, e);
                }
                else
                {
                    Unassigned.Add(e);
                }

                return;
        }
    }

    private void AddHold(CallEvent e)
    {
        var target = e.OnHold switch
        {
            // Only a call in progress can be held: a new call still ringing is not the one put on hold.
            true => LatestOpen(c => !_held.Contains(c) && (_answered.Contains(c) || _activated.Contains(c) || c.Direction == CallDirection.Outgoing))
                ?? LatestOpen(c => !_held.Contains(c)),
            false => LatestOpen(_held.Contains),
            null => null,
        } ?? LatestOpen();
        if (target is null)
        {
            Unassigned.Add(e);
            return;
        }

        Attach(target, e);
    }

    private void AddProviderReset(CallEvent e)
    {
        if (LatestOpen() is not { } latest)
        {
            Unassigned.Add(e);
            return;
        }

        // providerDidReset: every call of the provider is gone.
        Attach(latest, e);
        foreach (var call in _open.ToArray())
        {
            call.Ending ??= e;
            Close(call);
        }
    }

    private void AddAudioEvent(CallEvent e)
    {
        var target = LatestOpen(c => !_held.Contains(c)) ?? LatestOpen();
        if (target is null && HasPendingPush())
        {
            // Audio work in the push handler, before the report: it belongs to the call about to be reported.
            _pending.Add(e);
            return;
        }

        if (target is null && e.Kind is EventKind.DidDeactivateDelivered or EventKind.SessionDeactivated &&
            Calls.Count > 0 && Calls[^1].Ending is { } end && Near(end, e, options.EndGrace) && e.Timestamp is not null)
        {
            target = Calls[^1];
        }

        if (target is null)
        {
            Unassigned.Add(e);
            return;
        }

        Attach(target, e);
    }

    private CallFlow Open(CallDirection direction, CallEvent? opening)
    {
        var call = new CallFlow { Index = CallCount + 1, Direction = direction, Opening = opening };
        Calls.Add(call);
        _open.Add(call);
        foreach (var p in _pending)
        {
            // Old configuration or provider lines are context of the log, not of this call.
            if (opening is null || IsPushKind(p.Kind) || Near(p, opening, options.PushReportWindow))
            {
                AddEvent(call, p);
            }
            else
            {
                Unassigned.Add(p);
            }
        }

        _pending.Clear();
        if (opening is not null)
        {
            Attach(call, opening);
        }

        return call;
    }

    private void FlushUnreportedPush()
    {
        var call = new CallFlow { Index = CallCount + 1, Direction = CallDirection.Incoming };
        Calls.Add(call);
        foreach (var p in _pending)
        {
            AddEvent(call, p);
        }

        _pending.Clear();
    }

    private void Attach(CallFlow call, CallEvent e)
    {
        AddEvent(call, e);
        switch (e.Kind)
        {
            case EventKind.CallEnded:
                call.Ending ??= e;
                Close(call);
                break;
            case EventKind.ActionPerformed or EventKind.ActionCompleted when e.Action == CallActionType.End:
                call.Ending ??= e;
                Close(call);
                break;
            case EventKind.ActionPerformed or EventKind.ActionCompleted when e.Action == CallActionType.Answer:
                _answered.Add(call);
                break;
            case EventKind.HoldChanged:
            case EventKind.ActionPerformed or EventKind.ActionCompleted when e.Action == CallActionType.SetHeld:
                if (e.OnHold == true)
                {
                    _held.Add(call);
                }
                else if (e.OnHold == false)
                {
                    _held.Remove(call);
                }

                break;
            case EventKind.DidActivateDelivered when e.Active != false:
            case EventKind.SessionActivated when e.ControllingPid is not null:
                _activated.Add(call);
                break;
        }
    }

    private void AddEvent(CallFlow call, CallEvent e)
    {
        if (call.Index < _episodeFirstCall)
        {
            // A call of a closed episode: remember how to undo it (see RestoreEpisodeStart).
            _late.Add(new LateAttachment(call, call.Events.Count, call.CallUuid, call.AppProcess, call.Ending));
            LateAttachments++;
        }

        if (!call.Events.Contains(e))
        {
            call.Events.Add(e);
        }

        if (e.CallUuid is { } uuid && call.CallUuid is null)
        {
            call.CallUuid = uuid;
            Hold(uuid, +1);
            if (!_byUuid.TryGetValue(uuid, out var other) || other.Index < call.Index)
            {
                _byUuid[uuid] = call;
            }
        }

        if (e.Actor == EventActor.App && e.Entry.Process is { } process && call.AppProcess is null)
        {
            call.AppProcess = process;
        }
    }

    /// <summary>The call that ended moments before <paramref name="e"/> (the other side's copy of an end line), if any.</summary>
    private CallFlow? RecentlyEnded(CallEvent e)
    {
        var last = _lastClosed;
        return last?.Ending is { } ending && Near(ending, e, PairingWindow) && UuidCompatible(last, e) &&
            (ending.SignatureId != e.SignatureId || ending.Actor != e.Actor)
            ? last
            : null;
    }

    private void Close(CallFlow call)
    {
        // Open calls are few and recent: search from the end.
        var index = _open.LastIndexOf(call);
        if (index >= 0)
        {
            _open.RemoveAt(index);
            _lastClosed = call;
        }

        _held.Remove(call);
    }

    /// <summary>
    /// Marks the start of a new episode. Only valid while <see cref="IsQuiet"/>: the hold/answer/activation marks of
    /// finished calls are dropped (they only matter for open calls), so memory does not grow with finished calls.
    /// </summary>
    public void BeginEpisode()
    {
        if (!IsQuiet)
        {
            throw new InvalidOperationException("an episode can only start while no call is in progress");
        }

        _held.Clear();
        _answered.Clear();
        _activated.Clear();
        Unassigned.Clear();
        _late.Clear();
        _episodeFirstCall = CallCount + 1;
        _episodeLastClosed = _lastClosed;
    }

    /// <summary>
    /// Forgets everything fed since <see cref="BeginEpisode"/> (calls opened, events tied to earlier calls, state), so
    /// that the episode can be fed again in another order.
    /// </summary>
    public void RestoreEpisodeStart()
    {
        for (var i = _late.Count - 1; i >= 0; i--)
        {
            var late = _late[i];
            late.Call.Events.RemoveRange(late.EventCount, late.Call.Events.Count - late.EventCount);
            if (late.Call.CallUuid != late.CallUuid)
            {
                if (late.Call.CallUuid is { } added)
                {
                    Hold(added, -1);
                }

                if (late.CallUuid is { } restored)
                {
                    Hold(restored, +1);
                }
            }

            late.Call.CallUuid = late.CallUuid;
            late.Call.AppProcess = late.AppProcess;
            late.Call.Ending = late.Ending;
            LateAttachments--;
        }

        _late.Clear();
        var first = EpisodeStart;
        List<Guid>? orphaned = null;
        for (var i = first; i < Calls.Count; i++)
        {
            var call = Calls[i];
            if (call.CallUuid is { } uuid)
            {
                Hold(uuid, -1);
                if (_byUuid.TryGetValue(uuid, out var indexed) && ReferenceEquals(indexed, call))
                {
                    _byUuid.Remove(uuid);
                    (orphaned ??= []).Add(uuid);
                }
            }
        }

        Calls.RemoveRange(first, Calls.Count - first);
        if (orphaned is not null)
        {
            IndexLatestHolders(orphaned);
        }

        _open.Clear();
        _pending.Clear();
        _held.Clear();
        _answered.Clear();
        _activated.Clear();
        Unassigned.Clear();
        _lastClosed = _episodeLastClosed;
    }

    /// <summary>
    /// Lets go of the oldest calls of closed episodes, keeping the newest <paramref name="keep"/> of them (at least
    /// one: the last call's end still decides where a following deactivation belongs). A released call is no longer
    /// found by its UUID: a later line with that UUID is read as if the call were unknown. Returns how many calls,
    /// from the front of <see cref="Calls"/>, the caller must take before they are removed.
    /// </summary>
    public int Releasable(int keep)
    {
        var closed = EpisodeStart;
        return Math.Max(0, Math.Min(closed, Calls.Count - Math.Max(keep, 1)));
    }

    /// <summary>Removes the first <paramref name="count"/> calls (see <see cref="Releasable"/>) from <see cref="Calls"/>.</summary>
    public void ReleaseFinished(int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (count > Releasable(1))
        {
            throw new ArgumentOutOfRangeException(nameof(count), "only calls of closed episodes can be released");
        }

        for (var i = 0; i < count; i++)
        {
            var call = Calls[i];
            if (call.CallUuid is { } uuid)
            {
                Hold(uuid, -1);
                if (_byUuid.TryGetValue(uuid, out var indexed) && ReferenceEquals(indexed, call))
                {
                    _byUuid.Remove(uuid);
                }
            }
        }

        Calls.RemoveRange(0, count);
        _released += count;
    }

    /// <summary>
    /// Indexes each UUID of <paramref name="uuids"/> (just unindexed) by the latest kept call that carries it, if any: the
    /// UUID index always names the latest of its holders. Calls are in index order, so the search runs from the end and
    /// stops once every UUID that still has a holder is found.
    /// </summary>
    private void IndexLatestHolders(List<Guid> uuids)
    {
        var wanted = new HashSet<Guid>();
        foreach (var uuid in uuids)
        {
            if (_holders.ContainsKey(uuid))
            {
                wanted.Add(uuid);
            }
        }

        for (var i = Calls.Count - 1; i >= 0 && wanted.Count > 0; i--)
        {
            if (Calls[i].CallUuid is { } uuid && wanted.Remove(uuid))
            {
                _byUuid[uuid] = Calls[i];
            }
        }
    }

    private void Hold(Guid uuid, int change)
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_holders, uuid, out _);
        count += change;
        if (count <= 0)
        {
            _holders.Remove(uuid);
        }
    }

    private CallFlow? LatestOpen(Predicate<CallFlow>? filter = null) =>
        filter is null ? (_open.Count > 0 ? _open[^1] : null) : _open.FindLast(filter);

    private bool HasPendingPush() => _pending.Exists(p => IsPushKind(p.Kind));

    private static bool IsPushKind(EventKind kind) =>
        kind is EventKind.PushReceived or EventKind.AppLaunched or EventKind.VoipPayloadDelivered or EventKind.PushNotReportedTermination;

    private static bool UuidCompatible(CallFlow call, CallEvent e) =>
        call.CallUuid is null || e.CallUuid is null || call.CallUuid == e.CallUuid;

    private static bool Near(CallEvent a, CallEvent b, TimeSpan window) =>
        a.Timestamp is not { } ta || b.Timestamp is not { } tb || tb.Subtract(ta).Duration() <= window;

    private readonly record struct LateAttachment(CallFlow Call, int EventCount, Guid? CallUuid, string? AppProcess, CallEvent? Ending);
}
