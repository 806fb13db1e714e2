namespace CallKitDoctor.Diagnosis.Events;

/// <summary>How a signature recognised an entry.</summary>
public enum MatchConfidence
{
    /// <summary>The entry's os_log format string equals the catalog's (binary logs, ndjson exports).</summary>
    Exact,

    /// <summary>The rendered message matches an Apple format string or an observed Apple message, with redactions as wildcards.</summary>
    Rendered,

    /// <summary>The message is an app's or SDK's own wording (NSLog "provider:didActivateAudioSession:", RNCallKeep…).</summary>
    Heuristic,
}
