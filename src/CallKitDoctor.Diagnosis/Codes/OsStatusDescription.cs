namespace CallKitDoctor.Diagnosis.Codes;

/// <summary>What a known OSStatus means: its symbolic name and what it usually says about a CallKit call's audio.</summary>
/// <param name="Code">The OSStatus value.</param>
/// <param name="Name">Short name (the AVAudioSessionErrorCode case, e.g. <c>InsufficientPriority</c>).</param>
/// <param name="Symbol">The SDK constant (e.g. <c>AVAudioSessionErrorCodeInsufficientPriority</c>).</param>
/// <param name="Meaning">What the code typically means in a CallKit app.</param>
public sealed record OsStatusDescription(int Code, string Name, string Symbol, string Meaning);
