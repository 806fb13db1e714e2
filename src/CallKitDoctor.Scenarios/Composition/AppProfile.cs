namespace CallKitDoctor.Scenarios.Composition;

/// <summary>The VoIP app of a scenario: executable name, bundle identifier, pid, main thread and audio session ID.</summary>
public sealed record AppProfile
{
    public string Name { get; init; } = "Glip";

    public string BundleIdentifier { get; init; } = "com.glip.mobile";

    public int ProcessId { get; init; } = 1892;

    public ulong ThreadId { get; init; } = 0x3b1f0;

    /// <summary>The app's AVAudioSession ID (what <c>Activated session 0x…</c> prints).</summary>
    public uint AudioSessionId { get; init; } = 0xd387b18;

    /// <summary>The container folder's UUID in the app's path.</summary>
    public Guid ContainerUuid { get; init; } = Guid.Parse("9B3E51A0-7C2D-4F88-A6E4-1D0F2C8B7A35");

    public string ExecutablePath => $"/private/var/containers/Bundle/Application/{ContainerUuid.ToString().ToUpperInvariant()}/{Name}.app/{Name}";
}
