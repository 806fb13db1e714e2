using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Episodes;

/// <summary>
/// What the rules of an episode need to know about the episodes before it. An episode starts after a quiet stretch
/// longer than every rule's window, so almost nothing crosses; what does is the previous reported call (its end opens
/// the window in which <c>workaround-missing</c> looks for setConfiguration) and whether configuration lines were
/// logged after that end or in an untimed tail that a look-back would walk into.
/// </summary>
internal sealed record EpisodeCarry(CallFlow? PrecedingCall, bool ConfigurationAfterPrecedingCall, bool UntimedConfigurationBefore)
{
    /// <summary>Before the first episode.</summary>
    public static EpisodeCarry None { get; } = new(null, false, false);

    /// <summary>The carry after <paramref name="episode"/> closed.</summary>
    public EpisodeCarry After(FlowReconstruction episode)
    {
        var events = episode.Timeline.Events;
        var preceding = PrecedingCall;
        var configurationAfter = ConfigurationAfterPrecedingCall;
        var lastReported = LastReported(episode.Calls);
        if (lastReported is not null)
        {
            preceding = lastReported;
            var end = lastReported.Ending is { } ending ? episode.Timeline.PositionOf(ending) : events.Count;
            configurationAfter = HasConfiguration(events, end + 1, events.Count);
        }
        else if (!configurationAfter)
        {
            configurationAfter = HasConfiguration(events, 0, events.Count);
        }

        var untimedTail = events.Count;
        while (untimedTail > 0 && events[untimedTail - 1].Timestamp is null)
        {
            untimedTail--;
        }

        var untimed = HasConfiguration(events, untimedTail, events.Count) || (untimedTail == 0 && UntimedConfigurationBefore);
        return new EpisodeCarry(preceding, configurationAfter, untimed);
    }

    private static CallFlow? LastReported(IReadOnlyList<CallFlow> calls)
    {
        for (var i = calls.Count - 1; i >= 0; i--)
        {
            if (calls[i].Opening is not null)
            {
                return calls[i];
            }
        }

        return null;
    }

    private static bool HasConfiguration(IReadOnlyList<CallEvent> events, int from, int to)
    {
        for (var i = Math.Max(from, 0); i < to; i++)
        {
            if (events[i].Kind is EventKind.ConfigurationSet or EventKind.ConfigurationRegistered)
            {
                return true;
            }
        }

        return false;
    }
}
