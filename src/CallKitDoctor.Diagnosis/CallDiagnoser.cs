using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis;

/// <summary>
/// Reads a log source, recognises call events, rebuilds each call's flow and runs the rules
/// (placeholder until the rules land: reports no calls).
/// </summary>
public sealed class CallDiagnoser(ICallEventMatcher matcher)
{
    /// <summary>A diagnoser over the embedded signature catalog.</summary>
    public static CallDiagnoser CreateDefault() => new(SignatureMatcher.Default);

    public DiagnosisReport Diagnose(ILogEntrySource source, CancellationToken cancellationToken = default)
    {
        var report = new DiagnosisReport { Input = source.Summary, Context = source.Context, Coverage = new LogCoverage() };
        foreach (var entry in source.ReadEntries(cancellationToken))
        {
            report.Coverage.Observe(entry);
            if (matcher.Match(entry) is not null)
            {
                report.RecognisedEvents++;
            }
        }

        return report;
    }
}
