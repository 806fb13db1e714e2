namespace CallKitDoctor.Scenarios.Composition;

/// <summary>The image whose format string a line uses: the process's own executable or a shared-cache framework.</summary>
public enum SenderImage
{
    /// <summary>The process's main executable (strings in its uuidtext file).</summary>
    MainExecutable,

    /// <summary>CallKit.framework in the shared cache.</summary>
    CallKit,

    /// <summary>AudioSession.framework (AVAudioSession's implementation) in the shared cache.</summary>
    AudioSession,
}
