using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>Counts of written entries by message type and event type, as <c>log show</c> sums them in its footer.</summary>
public sealed class LogEntryTally
{
    private readonly long[] _levels = new long[(int)LogLevel.Fault + 1];
    private readonly long[] _events = new long[(int)LogEventType.TimesyncEvent + 1];

    /// <summary>All entries counted.</summary>
    public long Total { get; private set; }

    public void Add(LogLevel level, LogEventType type)
    {
        Total++;
        if ((uint)level < (uint)_levels.Length)
        {
            _levels[(int)level]++;
        }

        if ((uint)type < (uint)_events.Length)
        {
            _events[(int)type]++;
        }
    }

    /// <summary>Entries of a message type.</summary>
    public long Count(LogLevel level) => (uint)level < (uint)_levels.Length ? _levels[(int)level] : 0;

    /// <summary>Entries of an event type.</summary>
    public long Count(LogEventType type) => (uint)type < (uint)_events.Length ? _events[(int)type] : 0;
}
