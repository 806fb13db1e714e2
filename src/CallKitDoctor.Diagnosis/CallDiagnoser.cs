using CallKitDoctor.Diagnosis.Episodes;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Pipeline;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Rules;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis;

/// <summary>
/// Reads a log source once, recognises call events, rebuilds each call's flow, runs the rules and sets the verdicts.
/// By default the log is diagnosed in episodes while it streams (<see cref="EpisodeDiagnosis"/>), so memory grows with
/// the calls the report shows, not with the lines or the events; with <see cref="DiagnosisOptions.CutEpisodes"/> off,
/// every event is kept and the whole log is diagnosed at once. Given an <see cref="ICallSink"/>, finished calls go to
/// it as the log streams instead of into the report, so that memory stays flat however many calls the log holds.
/// </summary>
public sealed class CallDiagnoser
{
    private readonly ICallEventMatcher _matcher;
    private readonly DiagnosisOptions _options;
    private readonly IReadOnlyList<DiagnosticRule> _rules;

    public CallDiagnoser(ICallEventMatcher matcher)
        : this(matcher, DiagnosisOptions.Default)
    {
    }

    public CallDiagnoser(ICallEventMatcher matcher, DiagnosisOptions options, IReadOnlyList<DiagnosticRule>? rules = null)
    {
        _matcher = matcher;
        _options = options;
        _rules = rules ?? RuleSet.Default;
    }

    /// <summary>A diagnoser over the embedded signature catalog.</summary>
    public static CallDiagnoser CreateDefault() => new(SignatureMatcher.Default);

    /// <summary>Diagnoses the log and keeps every call in <see cref="DiagnosisReport.Calls"/>.</summary>
    public DiagnosisReport Diagnose(ILogEntrySource source, CancellationToken cancellationToken = default) =>
        _options.CutEpisodes ? DiagnoseInEpisodes(source, null, cancellationToken) : DiagnoseAtOnce(source, null, cancellationToken);

    /// <summary>
    /// Diagnoses the log and hands every finished call to <paramref name="sink"/>, in call order, instead of keeping
    /// it: the report's <see cref="DiagnosisReport.Calls"/> stays empty and <see cref="DiagnosisReport.StreamedCalls"/>
    /// counts them. Calls, findings and verdicts are those <see cref="Diagnose(ILogEntrySource, CancellationToken)"/>
    /// gives, except that a line naming the UUID of a call already handed on (more than
    /// <see cref="EpisodeDiagnosis.RetainedCalls"/> finished calls back) no longer joins it.
    /// </summary>
    public DiagnosisReport Diagnose(ILogEntrySource source, ICallSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return _options.CutEpisodes ? DiagnoseInEpisodes(source, sink, cancellationToken) : DiagnoseAtOnce(source, sink, cancellationToken);
    }

    private DiagnosisReport DiagnoseInEpisodes(ILogEntrySource source, ICallSink? sink, CancellationToken cancellationToken)
    {
        var coverage = new LogCoverage();
        var episodes = new EpisodeDiagnosis(_options, _rules, coverage, sink);
        foreach (var (entry, e) in ReadMatched(source, new SkippedLineAccounting(coverage, episodes), cancellationToken))
        {
            coverage.Observe(entry);
            episodes.Observe(entry, e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        coverage.StoreWindows = source.Context.StoreWindows;
        var report = new DiagnosisReport { Input = source.Summary, Context = source.Context, Coverage = coverage, StreamedCalls = episodes.Streamed };
        episodes.Finish(report);
        report.Episodes = episodes.Episodes;
        report.LateEvents = episodes.LateEvents;
        return report;
    }

    // Every entry with the event it is, read and matched on a second thread when that can help. Entries a skipping
    // source leaves out go to `skipped` in their place (in order, on this thread), so only when matching in order.
    private IEnumerable<MatchedEntry> ReadMatched(ILogEntrySource source, ISkippedLineSink skipped, CancellationToken cancellationToken) =>
        _options.ReadAhead && MatchAhead.IsWorthIt
            ? MatchAhead.Run(token => ReadScreened(source, null, token), _matcher, cancellationToken)
            : MatchInOrder(source, skipped, cancellationToken);

    private IEnumerable<MatchedEntry> MatchInOrder(ILogEntrySource source, ISkippedLineSink skipped, CancellationToken cancellationToken)
    {
        foreach (var entry in ReadScreened(source, skipped, cancellationToken))
        {
            yield return new MatchedEntry(entry, _matcher.Match(entry));
        }
    }

    // Lines the matcher rules out on the reader's buffer are never built: left out and reported to `skipped` when the
    // source can do that, else yielded as screened-out entries. Either way the coverage counts them.
    private IEnumerable<LogEntry> ReadScreened(ILogEntrySource source, ISkippedLineSink? skipped, CancellationToken cancellationToken) =>
        (source, _matcher) switch
        {
            (ILineSkippingSource skipping, IEntryScreen screen) when skipped is not null => skipping.ReadEntries(screen, skipped, cancellationToken),
            (IScreenedEntrySource screened, IEntryScreen screen) => screened.ReadEntries(screen, cancellationToken),
            _ => source.ReadEntries(cancellationToken),
        };

    private DiagnosisReport DiagnoseAtOnce(ILogEntrySource source, ICallSink? sink, CancellationToken cancellationToken)
    {
        var coverage = new LogCoverage();
        var events = new List<CallEvent>();
        foreach (var (entry, match) in ReadMatched(source, new SkippedLineAccounting(coverage, null), cancellationToken))
        {
            coverage.Observe(entry);
            if (match is { } e)
            {
                events.Add(e);
            }
        }

        coverage.StoreWindows = source.Context.StoreWindows;
        var report = new DiagnosisReport { Input = source.Summary, Context = source.Context, Coverage = coverage };
        report.RecognisedEvents = events.Count;
        cancellationToken.ThrowIfCancellationRequested();

        var flows = new CallFlowBuilder(_options).Build(new EventTimeline(events));
        var context = new RuleContext(flows, coverage, _options);
        foreach (var rule in _rules)
        {
            rule.Analyze(context);
        }

        VerdictAssigner.Assign(context);
        if (sink is null)
        {
            report.Calls.AddRange(flows.Calls);
        }
        else
        {
            foreach (var call in flows.Calls)
            {
                report.StreamedCalls.Add(call);
                sink.Accept(call);
            }
        }

        report.Findings.AddRange(context.LogFindings);
        report.OtherEvents.AddRange(flows.Unassigned);
        return report;
    }
}
