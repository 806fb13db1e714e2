using CallKitDoctor.Scenarios.Composition;

namespace CallKitDoctor.Scenarios.Archive;

/// <summary>The shared-cache frameworks scenario lines are logged from, with their paths.</summary>
public static class SharedCacheImages
{
    public static string PathOf(SenderImage image) => image switch
    {
        SenderImage.CallKit => "/System/Library/Frameworks/CallKit.framework/CallKit",
        SenderImage.AudioSession => "/System/Library/PrivateFrameworks/AudioSession.framework/AudioSession",
        _ => throw new ArgumentOutOfRangeException(nameof(image), image, "the main executable is not in the shared cache"),
    };
}
