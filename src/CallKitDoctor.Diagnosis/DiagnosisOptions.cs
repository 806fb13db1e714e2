namespace CallKitDoctor.Diagnosis;

/// <summary>
/// The time limits the rules reason with. The defaults follow CallKit's own behaviour (report window, typical
/// activation delay); tests and unusual captures may change them.
/// </summary>
public sealed record DiagnosisOptions
{
    /// <summary>The defaults.</summary>
    public static DiagnosisOptions Default { get; } = new();

    /// <summary>
    /// How far before a report the log must reach, when no push delivery or previous call bounds the window, to say
    /// that no setConfiguration happened "right before" it.
    /// </summary>
    public TimeSpan ConfigurationLookback { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after an answer (or a start) CallKit normally activates the audio session.</summary>
    public TimeSpan ActivationWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after a VoIP push callservicesd waits for a report before killing the app (30 s; 7 s for strict apps).</summary>
    public TimeSpan PushReportWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after a call ends audio events (didDeactivate) are still tied to it.</summary>
    public TimeSpan EndGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The most evidence lines one finding cites.</summary>
    public int MaxEvidence { get; init; } = 8;

    /// <summary>
    /// True (the default) to diagnose the log in episodes while it streams: after a quiet stretch longer than
    /// <see cref="LongestWindow"/> with no call in progress, the calls so far are finished and only what the report
    /// shows is kept. False to read every event first and diagnose the whole log at once (same findings; memory grows
    /// with the recognised events).
    /// </summary>
    public bool CutEpisodes { get; init; } = true;

    /// <summary>
    /// True to read and match the log on a second thread while the caller's thread builds the flows and runs the rules
    /// (only on machines with more than one core; the matcher is then called from that thread). The diagnosis is the
    /// same either way. Off by default until its gain is measured on a quiet machine (text sources already parse and
    /// screen on a worker thread when the diagnosis reads them).
    /// </summary>
    public bool ReadAhead { get; init; }

    /// <summary>
    /// The longest time any rule or the flow builder looks before or after an event: past it, with no call in
    /// progress, nothing later can change what was found about the calls before.
    /// </summary>
    public TimeSpan LongestWindow
    {
        get
        {
            TimeSpan[] windows = [ConfigurationLookback, ActivationWindow, PushReportWindow, EndGrace, Flows.FlowAssembler.PairingWindow];
            var longest = windows[0];
            foreach (var window in windows)
            {
                longest = window > longest ? window : longest;
            }

            return longest;
        }
    }
}
