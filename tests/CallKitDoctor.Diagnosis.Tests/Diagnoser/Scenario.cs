using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Rules;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Tests.Diagnoser;

/// <summary>
/// Builds a log as entries and the events a matcher would recognise in them, then runs the real diagnoser over it
/// (through <see cref="ListSource"/> and <see cref="PreparedMatcher"/>). Times are seconds after 16:00:00.
/// </summary>
internal sealed class Scenario
{
    public static readonly DateTime Base = new(2025, 10, 23, 16, 0, 0);
    private static readonly TimeSpan Offset = TimeSpan.FromHours(11);

    private readonly List<LogEntry> _entries = [];
    private readonly Dictionary<LogEntry, CallEvent> _events = new(ReferenceEqualityComparer.Instance);

    public string App { get; init; } = "Glip";

    /// <summary>The store windows the capture context reports (a sysdiagnose's), empty for text.</summary>
    public IReadOnlyList<LogStoreWindow> StoreWindows { get; init; } = [];

    public IReadOnlyList<CallEvent> Events => _entries.Where(_events.ContainsKey).Select(e => _events[e]).ToList();

    public static LogTimestamp At(double second) => new(Base.AddTicks((long)(second * TimeSpan.TicksPerSecond)), Offset);

    /// <summary>Adds an unrecognised entry (it only counts for coverage).</summary>
    public Scenario Filler(double? second, string process = "SpringBoard")
    {
        _entries.Add(Entry(second, process, "filler line"));
        return this;
    }

    /// <summary>Adds unrecognised entries every <paramref name="step"/> seconds (a live log).</summary>
    public Scenario Fill(double from, double to, double step = 1)
    {
        for (var s = from; s <= to; s += step)
        {
            Filler(s);
        }

        return this;
    }

    /// <summary>Adds a recognised entry.</summary>
    public CallEvent Add(
        double? second,
        EventKind kind,
        EventActor actor = EventActor.App,
        Guid? uuid = null,
        CallActionType? action = null,
        bool? onHold = null,
        bool? active = null,
        uint? sessionId = null,
        int? status = null,
        int? errorCode = null,
        int? controllingPid = null,
        MatchConfidence confidence = MatchConfidence.Rendered,
        string? text = null,
        string? signature = null)
    {
        var process = actor switch
        {
            EventActor.App => App,
            EventActor.CallServices => "callservicesd",
            EventActor.AudioServer => "audiomxd",
            _ => "kernel",
        };
        var entry = Entry(second, process, text ?? $"{kind} line");
        var e = new CallEvent
        {
            Kind = kind,
            SignatureId = signature ?? "test." + kind,
            Entry = entry,
            Actor = actor,
            Confidence = confidence,
            CallUuid = uuid,
            Action = action,
            OnHold = onHold,
            Active = active,
            SessionId = sessionId,
            StatusCode = status,
            ErrorCode = errorCode,
            ControllingPid = controllingPid,
        };
        _entries.Add(entry);
        _events[entry] = e;
        return e;
    }

    /// <summary>Adds the healthy incoming flow's push part: APS message, launch, delivery.</summary>
    public Scenario Push(double second)
    {
        Add(second, EventKind.PushReceived, EventActor.CallServices);
        Add(second + 0.05, EventKind.AppLaunched, EventActor.CallServices);
        Add(second + 0.06, EventKind.VoipPayloadDelivered, EventActor.CallServices);
        return this;
    }

    /// <summary>Adds setConfiguration and its registration in the app and callservicesd.</summary>
    public Scenario Configure(double second)
    {
        Add(second, EventKind.ConfigurationSet);
        Add(second + 0.001, EventKind.ConfigurationRegistered);
        Add(second + 0.002, EventKind.ConfigurationRegistered, EventActor.CallServices);
        return this;
    }

    /// <summary>Adds the app's report and callservicesd's receipt.</summary>
    public Scenario Report(double second, Guid? uuid = null)
    {
        Add(second, EventKind.IncomingCallReported, uuid: uuid);
        Add(second + 0.001, EventKind.IncomingCallReceived, EventActor.CallServices, uuid: uuid);
        return this;
    }

    /// <summary>Adds the answer: performed then fulfilled.</summary>
    public Scenario Answer(double second, Guid? uuid = null)
    {
        Add(second, EventKind.ActionPerformed, uuid: uuid, action: CallActionType.Answer);
        Add(second + 0.05, EventKind.ActionCompleted, uuid: uuid, action: CallActionType.Answer);
        return this;
    }

    /// <summary>Adds CallKit's activation: audio server under callservicesd's control, then "with active: 1".</summary>
    public Scenario Activate(double second, Guid? uuid = null)
    {
        Add(second, EventKind.SessionActivated, EventActor.AudioServer, controllingPid: 127);
        Add(second + 0.01, EventKind.DidActivateDelivered, EventActor.CallServices, uuid: uuid, active: true);
        return this;
    }

    /// <summary>Adds the app reporting the call ended.</summary>
    public Scenario End(double second, Guid? uuid = null)
    {
        Add(second, EventKind.CallEnded, uuid: uuid);
        return this;
    }

    /// <summary>Runs the diagnoser over the scenario.</summary>
    public DiagnosisReport Diagnose(DiagnosisOptions? options = null) =>
        new CallDiagnoser(new PreparedMatcher(_events), options ?? DiagnosisOptions.Default)
            .Diagnose(new ListSource("scenario.log", _entries) { Context = new CaptureContext { StoreWindows = StoreWindows } });

    /// <summary>Builds the flows only (no rules).</summary>
    public FlowReconstruction Flows() => new CallFlowBuilder().Build(new EventTimeline(Events));

    /// <summary>Runs one rule over the scenario and returns the context with its findings.</summary>
    public RuleContext Run(DiagnosticRule rule)
    {
        var coverage = new LogCoverage();
        foreach (var entry in _entries)
        {
            coverage.Observe(entry);
        }

        var context = new RuleContext(Flows(), coverage);
        rule.Analyze(context);
        return context;
    }

    private LogEntry Entry(double? second, string process, string text) => new(text)
    {
        Timestamp = second is { } s ? At(s) : null,
        Process = process,
        Location = InputLocation.Lines("scenario.log", _entries.Count + 1, _entries.Count + 1),
        RawText = $"{(second is { } t ? At(t).ToString() : "")} {process}: {text}",
    };
}
