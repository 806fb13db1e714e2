using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Cli.Progress;

/// <summary>A source whose entries are counted by a <see cref="ProgressMeter"/> as they are read.</summary>
internal sealed class MeteredEntrySource(ILogEntrySource inner, ProgressMeter meter) : ILogEntrySource
{
    public string Name => inner.Name;

    public LogReadSummary Summary => inner.Summary;

    public CaptureContext Context => inner.Context;

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default)
    {
        var finished = false;
        try
        {
            foreach (var entry in inner.ReadEntries(cancellationToken))
            {
                meter.Entry(entry);
                yield return entry;
            }

            finished = true;
        }
        finally
        {
            meter.Complete(finished);
        }
    }
}
