namespace CallKitDoctor.Diagnosis.Flows;

/// <summary>The outcome of one call's audio activation. JSON names are kebab-case (<c>activation-masked</c>).</summary>
public enum CallVerdict
{
    /// <summary>The log does not cover enough of the call to say.</summary>
    Unknown = 0,

    /// <summary>CallKit activated the app's audio session and delivered didActivate.</summary>
    AudioActivated,

    /// <summary>The call needed audio but CallKit never activated it (or activation failed).</summary>
    ActivationFailed,

    /// <summary>CallKit's activation failed, but the app's own setActive made audio work (the failure is hidden, e.g. in foreground).</summary>
    ActivationMasked,

    /// <summary>A VoIP push arrived but no call was reported.</summary>
    NoCallReported,
}
