using CallKitDoctor.Diagnosis.Episodes;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Rules;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis;

/// <summary>
/// Reads a log source once, recognises call events, rebuilds each call's flow, runs the rules and sets the verdicts.
/// By default the log is diagnosed in episodes while it streams (<see cref="EpisodeDiagnosis"/>), so memory grows with
/// the calls the report shows, not with the lines or the events; with <see cref="DiagnosisOptions.CutEpisodes"/> off,
/// every event is kept and the whole log is diagnosed at once.
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

    public DiagnosisReport Diagnose(ILogEntrySource source, CancellationToken cancellationToken = default) =>
        _options.CutEpisodes ? DiagnoseInEpisodes(source, cancellationToken) : DiagnoseAtOnce(source, cancellationToken);

    private DiagnosisReport DiagnoseInEpisodes(ILogEntrySource source, CancellationToken cancellationToken)
    {
        var coverage = new LogCoverage();
        var episodes = new EpisodeDiagnosis(_options, _rules, coverage);
        foreach (var entry in ReadScreened(source, cancellationToken))
        {
            coverage.Observe(entry);
            episodes.Observe(entry, _matcher.Match(entry));
        }

        cancellationToken.ThrowIfCancellationRequested();
        coverage.StoreWindows = source.Context.StoreWindows;
        var report = new DiagnosisReport { Input = source.Summary, Context = source.Context, Coverage = coverage };
        episodes.Finish(report);
        report.Episodes = episodes.Episodes;
        report.LateEvents = episodes.LateEvents;
        return report;
    }

    // Lines the matcher rules out on the reader's buffer come as screened-out entries: counted for coverage, never built.
    private IEnumerable<LogEntry> ReadScreened(ILogEntrySource source, CancellationToken cancellationToken) =>
        source is IScreenedEntrySource screened && _matcher is IEntryScreen screen
            ? screened.ReadEntries(screen, cancellationToken)
            : source.ReadEntries(cancellationToken);

    private DiagnosisReport DiagnoseAtOnce(ILogEntrySource source, CancellationToken cancellationToken)
    {
        var coverage = new LogCoverage();
        var events = new List<CallEvent>();
        foreach (var entry in ReadScreened(source, cancellationToken))
        {
            coverage.Observe(entry);
            if (_matcher.Match(entry) is { } e)
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
        report.Calls.AddRange(flows.Calls);
        report.Findings.AddRange(context.LogFindings);
        report.OtherEvents.AddRange(flows.Unassigned);
        return report;
    }
}
