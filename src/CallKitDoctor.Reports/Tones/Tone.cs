namespace CallKitDoctor.Reports.Tones;

/// <summary>How a timeline item should read at a glance: the colour family every output uses for it.</summary>
public enum Tone
{
    Neutral = 0,

    /// <summary>Audio came up as it should (didActivate, a session activated by CallKit).</summary>
    Good,

    /// <summary>Something the app did that risks or hides a failure (its own setActive).</summary>
    Caution,

    /// <summary>A failure (proxy session failed, OSStatus errors, resets, transaction errors).</summary>
    Bad,
}
