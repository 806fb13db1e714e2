using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Filtering.Time;

/// <summary>
/// Finds where a log ends in time, the anchor of <c>--last</c> for a capture taken in the past (as <c>log show --last</c>
/// counts back from the end of a log archive): the latest dated timestamp among the entries, kept with the offset it
/// was logged at. One pass over the entries; binary entries' messages are not formatted.
/// </summary>
public static class LogEnd
{
    /// <summary>The latest entry time, or null when no entry carries a date.</summary>
    public static DateTimeOffset? Find(ILogEntrySource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        LogTimestamp? latest = null;
        foreach (var entry in source.ReadEntries(cancellationToken))
        {
            if (entry.Timestamp is { HasDate: true } ts && (latest is not { } l || ts > l))
            {
                latest = ts;
            }
        }

        return latest is { } last ? new DateTimeOffset(last.Local, last.Offset ?? TimeSpan.Zero) : null;
    }
}
