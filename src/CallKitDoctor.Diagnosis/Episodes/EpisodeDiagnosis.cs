using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Rules;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Episodes;

/// <summary>
/// Diagnoses a log while it streams, one episode at a time. An episode closes when a line comes more than
/// <see cref="DiagnosisOptions.LongestWindow"/> after its last call event while no call is in progress (no call open,
/// nothing waiting for a report) and the whole-log facts the rules read (<see cref="LogFacts"/>) are settled. Its
/// calls then get their rules and verdicts, and keep only what the report shows (<see cref="EventRetention"/>). The
/// rules' log-level parts (findings about events tied to no call) run once at the end over all such events, so they
/// read exactly what a whole-log run reads. With a sink, finished calls are handed to it once
/// <see cref="RetainedCalls"/> newer finished calls follow them (and all remaining ones at the end), and are let go.
/// </summary>
/// <remarks>
/// The events of an episode are tied to calls as they arrive, which equals the whole-log timeline order while the
/// input is in time order. When a call event comes earlier than one already seen, the current episode is rebuilt in
/// time order at the end and no further episode is closed, unless the clock jumps back by more than
/// <see cref="DiagnosisOptions.LongestWindow"/> once more (captures laid end to end): then what came so far is
/// diagnosed as one stretch, its open calls left without an end as at the end of a log, and reading starts afresh,
/// which a whole-log run, sorting every capture together, does not do. Two things can still differ from a whole-log
/// run, and are
/// counted in <see cref="LateEvents"/>: a line older than an episode that has closed (pasted out-of-order segments),
/// and an event tied to a call of a closed episode (its call UUID again, or a line without a timestamp right after the
/// quiet stretch): the event joins the call, but that call's rules are not run again. With a sink, a call handed
/// on is no longer found by its UUID: a line with that UUID after more than <see cref="RetainedCalls"/> newer calls is
/// read as if the call were unknown.
/// </remarks>
internal sealed class EpisodeDiagnosis
{
    private readonly DiagnosisOptions _options;
    private readonly IReadOnlyList<DiagnosticRule> _rules;
    private readonly LogCoverage _coverage;
    private readonly long _horizonTicks;
    private readonly FlowAssembler _assembler;
    private readonly LogFacts _facts = new();
    private readonly EventRetention _retention = new();
    private readonly List<CallEvent> _episode = [];
    private readonly List<CallEvent> _unassigned = [];
    private readonly List<Findings.Finding> _episodeLogFindings = [];
    private readonly ICallSink? _sink;
    private EpisodeCarry _carry = EpisodeCarry.None;
    private long _episodeMaxKey = long.MinValue;
    private long _lastCutAt = long.MinValue;
    private long _previousTicks = long.MinValue;
    private bool _batch;
    private long _outOfOrder;

    /// <summary>Finished calls kept after their episode closed before they go to the sink (late lines may still join them).</summary>
    public const int RetainedCalls = 256;

    /// <param name="options">The time limits.</param>
    /// <param name="rules">The rules to run.</param>
    /// <param name="coverage">The log's coverage, fed by the caller.</param>
    /// <param name="sink">Where finished calls go; null to keep them all for the report.</param>
    public EpisodeDiagnosis(DiagnosisOptions options, IReadOnlyList<DiagnosticRule> rules, LogCoverage coverage, ICallSink? sink = null)
    {
        _sink = sink;
        _options = options;
        _rules = rules;
        _coverage = coverage;
        _horizonTicks = options.LongestWindow.Ticks;
        _assembler = new FlowAssembler(options);
        _assembler.BeginEpisode();
    }

    /// <summary>Episodes closed so far (the last one, closed by <see cref="Finish"/>, included once finished).</summary>
    public int Episodes { get; private set; }

    /// <summary>What the calls handed to the sink so far add up to.</summary>
    public CallTally Streamed { get; } = new();

    /// <summary>Events recognised so far.</summary>
    public long RecognisedEvents { get; private set; }

    /// <summary>Lines and events that could make this run differ from a whole-log run (see remarks).</summary>
    public long LateEvents => _outOfOrder + _assembler.LateAttachments;

    /// <summary>Takes the next entry of the log (already counted by the coverage) and the event it is, if any.</summary>
    public void Observe(LogEntry entry, CallEvent? e)
    {
        ObserveLine(entry.Timestamp);
        if (e is not null)
        {
            ObserveEvent(e);
        }
    }

    /// <summary>Takes the time of the next line of the log (already counted by the coverage), event or not.</summary>
    public void ObserveLine(LogTimestamp? timestamp)
    {
        if (timestamp is { } ts)
        {
            var ticks = ts.OrderingTicks;
            var jumpsBack = _previousTicks != long.MinValue && _previousTicks - ticks > _horizonTicks;
            _previousTicks = ticks;
            if (_batch && jumpsBack && _episodeMaxKey != long.MinValue)
            {
                // A second jump back, by more than any rule looks, in an episode already out of order: this is not a
                // pasted piece of one capture but captures laid end to end. Diagnose what came so far as one stretch
                // and start afresh, so that memory and time stay proportional to one capture, not to all of them.
                EndSegment();
            }

            if (ticks < _lastCutAt)
            {
                _outOfOrder++;
            }

            if (!_batch && _episode.Count > 0 && _episodeMaxKey != long.MinValue && ticks - _episodeMaxKey > _horizonTicks &&
                _assembler.IsQuiet && _facts.Settled)
            {
                CloseEpisode(Timeline());
                _lastCutAt = ticks;
            }
        }
    }

    private void ObserveEvent(CallEvent e)
    {
        RecognisedEvents++;
        _facts.Observe(e);
        if (e.Timestamp is { } time)
        {
            var key = time.OrderingTicks;
            if (key < _episodeMaxKey && !_batch)
            {
                // Out of time order: tie this episode's events again, sorted, at the end; close no more episodes.
                _batch = true;
                _assembler.RestoreEpisodeStart();
            }

            _episodeMaxKey = Math.Max(_episodeMaxKey, key);
        }

        _episode.Add(e);
        if (!_batch)
        {
            _assembler.Add(e);
        }
    }

    /// <summary>Closes the last episode, runs the log-level rules and fills the report.</summary>
    public void Finish(DiagnosisReport report)
    {
        var timeline = Timeline();
        _assembler.Finish();
        Analyze(timeline);
        if (_episode.Count > 0 || Episodes == 0)
        {
            Episodes++;
        }

        var logTimeline = new EventTimeline(_unassigned);
        var context = new RuleContext(new FlowReconstruction(logTimeline, [], _unassigned), _coverage, _options, _facts);
        foreach (var rule in _rules)
        {
            rule.Analyze(context);
        }

        report.RecognisedEvents = RecognisedEvents;
        if (_sink is null)
        {
            report.Calls.AddRange(_assembler.Calls);
        }
        else
        {
            Release(_assembler.Calls.Count);
        }

        report.Findings.AddRange(_episodeLogFindings);
        report.Findings.AddRange(context.LogFindings);
        report.OtherEvents.AddRange(_unassigned);
    }

    /// <summary>Closes the episode as the end of the log would, calls still open included, and starts afresh.</summary>
    private void EndSegment()
    {
        var timeline = Timeline();
        _assembler.EndSegment();
        CloseEpisode(timeline);
        _carry = EpisodeCarry.None;
        _lastCutAt = long.MinValue;
    }

    /// <summary>The episode's events in time order; an episode that went out of order has them tied to calls now, in that order.</summary>
    private EventTimeline Timeline()
    {
        var timeline = new EventTimeline(_episode);
        if (_batch)
        {
            foreach (var e in timeline.Events)
            {
                _assembler.Add(e);
            }

            _batch = false;
        }

        return timeline;
    }

    private void CloseEpisode(EventTimeline timeline)
    {
        Analyze(timeline);
        var start = _assembler.EpisodeStart;
        _retention.Compact(_assembler.Calls.GetRange(start, _assembler.Calls.Count - start));
        _episodeMaxKey = long.MinValue;
        _episode.Clear();
        _assembler.BeginEpisode();
        Episodes++;
        if (_sink is not null && _assembler.Releasable(RetainedCalls) is var n && n >= RetainedCalls / 4)
        {
            Release(n);
        }
    }

    /// <summary>Hands the first <paramref name="count"/> kept calls to the sink, in order, and lets them go.</summary>
    private void Release(int count)
    {
        var calls = _assembler.Calls;
        for (var i = 0; i < count; i++)
        {
            Streamed.Add(calls[i]);
            _sink!.Accept(calls[i]);
        }

        if (count == calls.Count && count > 0)
        {
            // The end of the log: nothing can join them any more.
            calls.Clear();
        }
        else
        {
            _assembler.ReleaseFinished(count);
        }
    }

    /// <summary>Runs the rules' call parts and the verdicts over the episode that <paramref name="timeline"/> holds.</summary>
    private void Analyze(EventTimeline timeline)
    {
        var flows = CallFlowBuilder.Collect(timeline, _assembler, _assembler.EpisodeStart);
        var episode = new FlowReconstruction(timeline, flows.Calls, []);
        var context = new RuleContext(episode, _coverage, _options, _facts)
        {
            PrecedingCall = _carry.PrecedingCall,
            ConfigurationAfterPrecedingCall = _carry.ConfigurationAfterPrecedingCall,
            UntimedConfigurationBefore = _carry.UntimedConfigurationBefore,
        };
        foreach (var rule in _rules)
        {
            rule.Analyze(context);
        }

        VerdictAssigner.Assign(context);
        _episodeLogFindings.AddRange(context.LogFindings);
        _unassigned.AddRange(flows.Unassigned);
        _carry = _carry.After(flows);
    }
}
