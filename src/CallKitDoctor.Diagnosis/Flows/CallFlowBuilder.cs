using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Flows;

/// <summary>
/// Rebuilds calls from a timeline. Events are tied to a call by call UUID when the line shows one, otherwise by process
/// and order: push, launch, delivery and configuration events wait for the next report, which opens a call; the
/// app's report and callservicesd's receipt of it are one call; answer, activation and audio events belong to the
/// latest open call that is not on hold. Events that fit no call are returned as unassigned (log-level evidence).
/// </summary>
public sealed class CallFlowBuilder(DiagnosisOptions options)
{
    /// <summary>How far apart the app's report and callservicesd's receipt (or two start lines) may be to be one call.</summary>
    private static readonly TimeSpan PairingWindow = TimeSpan.FromSeconds(3);

    public CallFlowBuilder()
        : this(DiagnosisOptions.Default)
    {
    }

    /// <summary>Builds the calls of a timeline.</summary>
    public FlowReconstruction Build(EventTimeline timeline)
    {
        var state = new BuildState(options);
        foreach (var e in timeline.Events)
        {
            state.Add(e);
        }

        state.Finish();
        foreach (var call in state.Calls)
        {
            call.Events.Sort((a, b) => timeline.PositionOf(a).CompareTo(timeline.PositionOf(b)));
        }

        var unassigned = state.Unassigned;
        unassigned.Sort((a, b) => timeline.PositionOf(a).CompareTo(timeline.PositionOf(b)));
        return new FlowReconstruction(timeline, state.Calls, unassigned);
    }

    private sealed class BuildState(DiagnosisOptions options)
    {
        private readonly List<CallFlow> _open = [];
        private readonly HashSet<CallFlow> _held = [];
        private readonly HashSet<CallFlow> _answered = [];
        private readonly HashSet<CallFlow> _activated = [];
        private readonly List<CallEvent> _pending = [];

        public List<CallFlow> Calls { get; } = [];

        public List<CallEvent> Unassigned { get; } = [];

        public void Add(CallEvent e)
        {
            if (e.CallUuid is { } uuid && Calls.FindLast(c => c.CallUuid == uuid) is { } known)
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

        public void Finish()
        {
            if (HasPendingPush())
            {
                FlushUnreportedPush();
            }

            Unassigned.AddRange(_pending);
            _pending.Clear();
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
            // The app's report and callservicesd's receipt of it (either order) are one call.
            var counterpart = e.Kind == EventKind.IncomingCallReported ? EventKind.IncomingCallReceived : EventKind.IncomingCallReported;
            var latest = Calls.Count > 0 ? Calls[^1] : null;
            if (latest is { Direction: CallDirection.Incoming, Ending: null } && latest.Opening is { } opening &&
                !latest.Has(e.Kind) && latest.Has(counterpart) && Near(opening, e, PairingWindow) && UuidCompatible(latest, e))
            {
                Attach(latest, e);
                return;
            }

            if (latest is { Direction: CallDirection.Incoming, Ending: null } && latest.Opening is { } same &&
                same.Kind == e.Kind && same.Actor == e.Actor && same.Confidence != e.Confidence && Near(same, e, PairingWindow) &&
                UuidCompatible(latest, e) && !_answered.Contains(latest))
            {
                // An SDK's own "reported incoming call" line next to CallKit's line for the same report.
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
            var call = new CallFlow { Index = Calls.Count + 1, Direction = direction, Opening = opening };
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
            var call = new CallFlow { Index = Calls.Count + 1, Direction = CallDirection.Incoming };
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

        private static void AddEvent(CallFlow call, CallEvent e)
        {
            if (!call.Events.Contains(e))
            {
                call.Events.Add(e);
            }

            if (e.CallUuid is { } uuid && call.CallUuid is null)
            {
                call.CallUuid = uuid;
            }

            if (e.Actor == EventActor.App && e.Entry.Process is { } process && call.AppProcess is null)
            {
                call.AppProcess = process;
            }
        }

        private void Close(CallFlow call)
        {
            _open.Remove(call);
            _held.Remove(call);
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
    }
}
