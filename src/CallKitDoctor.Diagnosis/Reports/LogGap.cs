using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Reports;

/// <summary>A hole in the log: two consecutive entries further apart than the coverage's gap threshold.</summary>
public readonly record struct LogGap(LogTimestamp From, LogTimestamp To)
{
    public TimeSpan Length => To.Subtract(From);
}
