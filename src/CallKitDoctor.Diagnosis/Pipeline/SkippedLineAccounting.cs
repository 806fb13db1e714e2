using CallKitDoctor.Diagnosis.Episodes;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Pipeline;

/// <summary>
/// Accounts for the lines a skipping source left out (<see cref="ILineSkippingSource"/>) as the diagnosis accounts for
/// a screened-out entry: the coverage counts it, and its time may close an episode.
/// </summary>
internal sealed class SkippedLineAccounting(LogCoverage coverage, EpisodeDiagnosis? episodes) : ISkippedLineSink
{
    public void Skipped(LogTimestamp? timestamp, string? process, in InputLocation location)
    {
        coverage.Observe(timestamp, process, location.Source);
        episodes?.ObserveLine(timestamp);
    }
}
