using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Episodes;

/// <summary>
/// Shrinks the events of finished calls to what the report shows: time, process, location, the rendered message and
/// the recognised values. The reader's entry (its raw text and reader state) is let go; findings already hold their
/// evidence lines. Only a call's end keeps its raw text, because the next episode may cite it (the window of
/// <c>workaround-missing</c> starts there). Messages that repeat (redacted CallKit lines mostly do) are shared
/// through a bounded pool.
/// </summary>
internal sealed class EventRetention
{
    /// <summary>The most distinct messages shared; past it messages are kept as they are.</summary>
    public const int MaxPooledMessages = 16_384;

    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<CallEvent, CallEvent> _replaced = new(ReferenceEqualityComparer.Instance);

    /// <summary>Replaces the events of finished calls (and their opening and ending) by compact copies.</summary>
    public void Compact(IReadOnlyList<CallFlow> calls)
    {
        // A provider reset ends every open call: the same event can be one call's line and several calls' end.
        var endings = new HashSet<CallEvent>(ReferenceEqualityComparer.Instance);
        foreach (var call in calls)
        {
            if (call.Ending is { } ending)
            {
                endings.Add(ending);
            }
        }

        foreach (var call in calls)
        {
            var events = call.Events;
            for (var i = 0; i < events.Count; i++)
            {
                events[i] = Compact(events[i], endings.Contains(events[i]));
            }

            if (call.Opening is { } opening)
            {
                call.Opening = Compact(opening, false);
            }

            if (call.Ending is { } ending)
            {
                call.Ending = Compact(ending, true);
            }
        }

        _replaced.Clear();
    }

    private CallEvent Compact(CallEvent e, bool keepRawText)
    {
        if (_replaced.TryGetValue(e, out var done))
        {
            return done;
        }

        var entry = e.Entry;
        var compact = new CallEvent
        {
            Kind = e.Kind,
            SignatureId = e.SignatureId,
            Entry = new LogEntry(Share(entry.EventMessage))
            {
                Timestamp = entry.Timestamp,
                Process = entry.Process,
                ProcessId = entry.ProcessId,
                ThreadId = entry.ThreadId,
                Sender = entry.Sender,
                Subsystem = entry.Subsystem,
                Category = entry.Category,
                Level = entry.Level,
                EventType = entry.EventType,
                FormatString = entry.FormatString,
                SourceLocation = entry.SourceLocation,
                Location = entry.Location,
                RawText = keepRawText ? entry.RawText : null,
            },
            Actor = e.Actor,
            Confidence = e.Confidence,
            CallUuid = e.CallUuid,
            Action = e.Action,
            OnHold = e.OnHold,
            Active = e.Active,
            SessionId = e.SessionId,
            StatusCode = e.StatusCode,
            ErrorCode = e.ErrorCode,
            ErrorDomain = e.ErrorDomain,
            ControllingPid = e.ControllingPid,
        };
        _replaced[e] = compact;
        return compact;
    }

    private string Share(string message)
    {
        if (_messages.TryGetValue(message, out var shared))
        {
            return shared;
        }

        if (_messages.Count < MaxPooledMessages)
        {
            _messages[message] = message;
        }

        return message;
    }
}
