using static CallKitDoctor.Scenarios.Bench.BenchArgument;

namespace CallKitDoctor.Scenarios.Bench;

/// <summary>
/// Format strings in the style of iOS daemons and frameworks (CallKit, AVFAudio, networking, app lifecycle), with
/// public and private strings and objects, 32- and 64-bit integers, BOOLs and pointers: what the benchmark archive
/// logs. The main-executable set goes to each process's uuidtext file, the framework sets to the shared cache.
/// </summary>
public static class BenchFormats
{
    /// <summary>Format strings of a process's own executable.</summary>
    public static IReadOnlyList<BenchFormat> MainExecutable { get; } =
    [
        new("Received incoming call with UUID %{public}@ from %@", PublicObject, PrivateObject),
        new("Call %{public}s changed state to %d (reason %d)", PublicString, Word, Word),
        new("Starting audio session activation for call %{public}s, category %{public}@", PublicString, PublicObject),
        new("Push payload received: %@", PrivateObject),
        new("Scheduling refresh in %lld ms for %{public}s", Wide, PublicString),
        new("[%{public}s] request %llu finished with status %d in %u us", PublicString, Wide, Word, Word),
        new("Account %s has %d pending operations", PrivateString, Word),
        new("isForeground=%{BOOL}d, isMuted=%{bool}d", Word, Word),
        new("Processing message %{public}@ of size %u", PublicObject, Word),
        new("Connection %p invalidated", Wide),
        new("Saved %d items to store %{public}s", Word, PublicString),
        new("User tapped %{public}s", PublicString),
        new("Observed %{public}s notification", PublicString),
        new("Timer fired after %lld ns", Wide),
        new("Could not load configuration: %{public}@", PublicObject),
        new("Resolved host %s to %s in %d ms", PrivateString, PrivateString, Word),
        new("State machine %{public}s: %{public}s -> %{public}s", PublicString, PublicString, PublicString),
        new("Handling XPC event %llx on connection %{public}s", Wide, PublicString),
        new("Battery level %d%%, charging %{BOOL}d", Word, Word),
        new("Done"),
    ];

    /// <summary>Shared-cache images (framework paths) and their format strings.</summary>
    public static IReadOnlyList<(string Path, BenchFormat[] Formats)> SharedCache { get; } =
    [
        ("/System/Library/Frameworks/CallKit.framework/CallKit",
        [
            new("Reporting new incoming call with UUID %{public}@ update %@", PublicObject, PrivateObject),
            new("Fulfilling action %{public}@", PublicObject),
            new("provider:didActivateAudioSession: %{public}@", PublicObject),
            new("Call controller requested transaction %{public}@", PublicObject),
        ]),
        ("/System/Library/Frameworks/AVFAudio.framework/AVFAudio",
        [
            new("AVAudioSession_iOS.mm:%d   Session 0x%x: setActive:%{BOOL}d", Word, Word, Word),
            new("Category %{public}s, mode %{public}s, options 0x%x", PublicString, PublicString, Word),
            new("Route change reason %d, previous route %@", Word, PrivateObject),
        ]),
        ("/System/Library/Frameworks/Network.framework/Network",
        [
            new("nw_connection_report_state_with_handler_on_nw_queue [C%u] reporting state %{public}s", Word, PublicString),
            new("nw_path_evaluator_start [%{public}s %{private}s] path %{public}s", PublicString, PrivateString, PublicString),
            new("tcp_input [C%u.1:3] flags=[R] seq=%u, ack=%u, win=%u", Word, Word, Word, Word),
        ]),
        ("/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation",
        [
            new("Loading Preferences From System CFPrefsD For Search List", []),
            new("Value for %{public}@ is %@", PublicObject, PrivateObject),
        ]),
        ("/System/Library/PrivateFrameworks/RunningBoardServices.framework/RunningBoardServices",
        [
            new("Acquiring assertion targeting %{public}@ with identifier %{public}s", PublicObject, PublicString),
            new("Invalidating assertion %d-%d-%d", Word, Word, Word),
        ]),
        ("/usr/lib/system/libxpc.dylib",
        [
            new("[0x%llx] activating connection: mach=%{BOOL}d listener=%{BOOL}d peer=%{BOOL}d name=%{public}s", Wide, Word, Word, Word, PublicString),
            new("[0x%llx] invalidated because the client process (pid %d) either cancelled the connection or exited", Wide, Word),
        ]),
    ];

    /// <summary>Process executables: daemons and apps, as they show in <c>processImagePath</c>.</summary>
    public static IReadOnlyList<string> Executables { get; } =
    [
        "/usr/libexec/callservicesd", "/System/Library/CoreServices/SpringBoard.app/SpringBoard", "/usr/sbin/mediaserverd",
        "/usr/libexec/audiomxd", "/usr/libexec/runningboardd", "/usr/sbin/bluetoothd", "/usr/libexec/locationd",
        "/usr/libexec/apsd", "/usr/libexec/identityservicesd", "/usr/libexec/symptomsd", "/usr/libexec/nsurlsessiond",
        "/usr/sbin/wifid", "/usr/libexec/backboardd", "/usr/libexec/lsd", "/usr/libexec/trustd", "/usr/libexec/dasd",
        "/System/Library/PrivateFrameworks/TelephonyUtilities.framework/callservicesd",
        "/private/var/containers/Bundle/Application/0D9A5D2E-6B7F-4E53-9C2A-6D1C4B3A2F10/Glip.app/Glip",
        "/private/var/containers/Bundle/Application/5B1E2C3D-4F5A-4B6C-8D7E-9F0A1B2C3D4E/Phone.app/Phone",
        "/usr/libexec/CommCenter", "/usr/libexec/coreduetd", "/usr/libexec/searchd", "/usr/libexec/kernelmanagerd",
        "/usr/libexec/keybagd",
    ];

    /// <summary>Subsystem and category pairs the processes log under.</summary>
    public static IReadOnlyList<(string Subsystem, string Category)> Subsystems { get; } =
    [
        ("com.apple.calls.callkit", "Default"), ("com.apple.coreaudio", "as_client"), ("com.apple.network", "connection"),
        ("com.apple.runningboard", "assertion"), ("com.apple.xpc", "connection"), ("com.apple.telephonyutilities.callservicesd", "Default"),
        ("com.apple.bluetooth", "BTAudio"), ("com.apple.locationd.Core", "Client"), ("com.ringcentral.glip", "voip"),
        ("com.apple.apsd", "connection"),
    ];
}
