using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Filtering;

/// <summary>
/// Which entries <c>log show</c> prints by level: default, error and fault always; info with <c>--info</c>; debug with
/// <c>--debug</c> (which, like raising the log level, also brings info); signposts with <c>--signpost</c>. Entries whose
/// level the input does not state are always kept.
/// </summary>
public readonly record struct LevelInclusion(bool IncludeInfo, bool IncludeDebug, bool IncludeSignposts)
{
    /// <summary>What <c>log show</c> prints without options.</summary>
    public static LevelInclusion Default => default;

    /// <summary>Everything.</summary>
    public static LevelInclusion Everything => new(true, true, true);

    public bool Includes(LogLevel level, LogEventType eventType)
    {
        if (eventType == LogEventType.SignpostEvent && !IncludeSignposts)
        {
            return false;
        }

        return level switch
        {
            LogLevel.Info => IncludeInfo || IncludeDebug,
            LogLevel.Debug => IncludeDebug,
            _ => true,
        };
    }
}
