using System.Collections.Frozen;

namespace CallKitDoctor.Diagnosis.Codes;

/// <summary>
/// The OSStatus values that matter to CallKit audio (signatures.md table 4d). Only the integer is stored: the FourCC
/// spelling is always computed from it by <see cref="OsStatus.FourCharCode"/>.
/// </summary>
public static class OsStatusTable
{
    /// <summary>Every described code, in table order.</summary>
    public static IReadOnlyList<OsStatusDescription> All { get; } =
    [
        new(561017449, "InsufficientPriority", "AVAudioSessionErrorCodeInsufficientPriority",
            "The app activated its audio session (or started voice-processing I/O) itself while a call or CallKit's own session outranks it; wait for provider(_:didActivate:) instead of calling setActive."),
        new(560557684, "CannotInterruptOthers", "AVAudioSessionErrorCodeCannotInterruptOthers",
            "A non-mixable session tried to go active from the background, which is not allowed; CallKit must activate the session."),
        new(1701737535, "MissingEntitlement", "AVAudioSessionErrorCodeMissingEntitlement",
            "Audio I/O started without an active or allowed session: audio was configured and started before CallKit's didActivate."),
        new(560030580, "IsBusy", "AVAudioSessionErrorCodeIsBusy",
            "The session was deactivated while audio I/O was still running."),
        new(561145203, "ResourceNotAvailable", "AVAudioSessionErrorCodeResourceNotAvailable",
            "The audio hardware or a required resource was not available."),
        new(1768841571, "SessionNotActive", "AVAudioSessionErrorCodeSessionNotActive",
            "An operation needed an active audio session and the session was not active."),
        new(1836282486, "MediaServicesFailed", "AVAudioSessionErrorCodeMediaServicesFailed",
            "The media server (audiomxd / mediaserverd) died; the session must be rebuilt after the reset notification."),
        new(561210739, "ExpiredSession", "AVAudioSessionErrorCodeExpiredSession",
            "The audio session had expired."),
        new(560161140, "IncompatibleCategory", "AVAudioSessionErrorCodeIncompatibleCategory",
            "The operation is not allowed in the session's current category."),
        new(1936290409, "SiriIsRecording", "AVAudioSessionErrorCodeSiriIsRecording",
            "Siri was recording, so the session could not take the input."),
        new(2003329396, "Unspecified", "AVAudioSessionErrorCodeUnspecified",
            "An unspecified audio session error."),
        new(-50, "BadParam", "kAudio_ParamError",
            "A bad parameter; with \"Creating proxy session failed\" it means callservicesd could not find the app's audio session (session lookup failed)."),
        new(-12983, "CMSessionInsufficientPriority", "(CMSession) insufficient priority",
            "The audio server refused the app's own activation (server-side counterpart of '!pri')."),
    ];

    private static readonly FrozenDictionary<int, OsStatusDescription> ByCode = All.ToFrozenDictionary(d => d.Code);

    /// <summary>The description of <paramref name="code"/>, or null when the code is not in the table.</summary>
    public static OsStatusDescription? Find(int code) => ByCode.GetValueOrDefault(code);
}
