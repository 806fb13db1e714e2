using System.Text.Json;
using CallKitDoctor.Scenarios.Archive;
using CallKitDoctor.Scenarios.Composition;

namespace CallKitDoctor.Cli.Tests.Show;

/// <summary>
/// Inputs for the <c>show</c> filter tests, built once per test class in a temp folder: a <c>log show --style ndjson</c>
/// export whose entries differ in every predicate key (levels, event types, two boots, accents and case), and the seed
/// production flow written as a genuine sysdiagnose (tar.gz and extracted folder) by the scenario writer.
/// </summary>
public sealed class ShowInputs : IDisposable
{
    public const string BootA = "6F1D2C7A-8B3E-4A52-9C0D-1E2F3A4B5C6D";
    public const string BootB = "0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E";

    private readonly string _dir = Directory.CreateTempSubdirectory("callkit-doctor-show-inputs-").FullName;
    private readonly Lazy<string> _tarGz;
    private readonly Lazy<string> _folder;

    public ShowInputs()
    {
        TextLog = Path.Combine(_dir, "export.ndjson");
        File.WriteAllLines(TextLog, TextEntries.Select(Ndjson));
        _tarGz = new Lazy<string>(() =>
        {
            var path = Path.Combine(_dir, SysdiagnoseBuilder.FolderName(SeedScenarios.Production()) + ".tar.gz");
            SysdiagnoseBuilder.WriteTarGz(SeedScenarios.Production(), path);
            return path;
        });
        _folder = new Lazy<string>(() => SysdiagnoseBuilder.WriteFolder(SeedScenarios.Production(), Path.Combine(_dir, "extracted")));
    }

    /// <summary>The ndjson export (ten entries, 16:00:00 to 16:00:09 at +1100).</summary>
    public string TextLog { get; }

    /// <summary>The seed production flow as a sysdiagnose .tar.gz.</summary>
    public string SysdiagnoseTarGz => _tarGz.Value;

    /// <summary>The same sysdiagnose extracted.</summary>
    public string SysdiagnoseFolder => _folder.Value;

    /// <summary>A scratch folder for outputs.</summary>
    public string Scratch => _dir;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The ndjson export's entries: (process path, pid, tid, sender path, subsystem, category, level, event type, format, message, activity, boot).</summary>
    public static readonly (string Process, int Pid, long Tid, string Sender, string Subsystem, string Category, string Level, string EventType, string Format, string Message, long Activity, string Boot)[] TextEntries =
    [
        ("/System/Library/PrivateFrameworks/TelephonyUtilities.framework/callservicesd", 127, 11329, "/System/Library/Frameworks/CallKit.framework/CallKit",
            "com.apple.calls.callkit", "Default", "Default", "logEvent", "Received %s with UUID: %@", "Received reportNewIncomingCall with UUID: <private>", 0, BootA),
        ("/private/var/containers/Bundle/Application/4F/Glip.app/Glip", 1892, 241136, "/private/var/containers/Bundle/Application/4F/Glip.app/Glip",
            "com.glip.voip", "Push", "Info", "logEvent", "%{public}@ push received", "Café push received", 0x5e1f, BootA),
        ("/usr/sbin/mediaserverd", 95, 300, "/System/Library/PrivateFrameworks/AudioSession.framework/AudioSession",
            "com.apple.coreaudio", "AVAudioSession", "Error", "logEvent", "Activating session failed: %d", "Activating session failed: 561017449", 77, BootA),
        ("/System/Library/PrivateFrameworks/TelephonyUtilities.framework/callservicesd", 127, 11329, "/System/Library/PrivateFrameworks/TelephonyUtilities.framework/callservicesd",
            "com.apple.calls.callservicesd", "Default", "Fault", "logEvent", "Creating proxy session failed, session ID = %#x", "Creating proxy session failed, session ID = 0x0", 0, BootA),
        ("/System/Library/CoreServices/SpringBoard.app/SpringBoard", 34, 499, "/System/Library/CoreServices/SpringBoard.app/SpringBoard",
            "com.apple.SpringBoard", "Common", "Debug", "logEvent", "Presenting banner for incoming call %@", "Presenting banner for incoming call <private>", 0, BootB),
        ("/private/var/containers/Bundle/Application/4F/Glip.app/Glip", 1892, 241136, "/System/Library/PrivateFrameworks/SignpostSupport.framework/SignpostSupport",
            "com.glip.voip", "Signposts", "Default", "signpostEvent", "CallSetup begin", "CallSetup begin", 0x5e1f, BootA),
        ("/private/var/containers/Bundle/Application/4F/Glip.app/Glip", 1892, 241137, "/private/var/containers/Bundle/Application/4F/Glip.app/Glip",
            "com.glip.voip", "Audio", "Default", "logEvent", "%{public}@ audio route changed", "CAFÉ audio route changed", 0x5e1f, BootA),
        ("/System/Library/PrivateFrameworks/TelephonyUtilities.framework/callservicesd", 127, 11330, "/System/Library/Frameworks/CallKit.framework/CallKit",
            "com.apple.calls.callkit", "Default", "Error", "logEvent", "%@ call ended", "Cafe call ended", 0x5e1f, BootA),
        ("/usr/sbin/mediaserverd", 95, 301, "/System/Library/PrivateFrameworks/AudioSession.framework/AudioSession",
            "com.apple.coreaudio", "AVAudioSession", "Info", "logEvent", "Session %d category %@", "Session 42 category PlayAndRecord", 77, BootB),
        ("/System/Library/CoreServices/SpringBoard.app/SpringBoard", 34, 499, "/System/Library/CoreServices/SpringBoard.app/SpringBoard",
            "com.apple.SpringBoard", "Common", "Default", "logEvent", "Dismissed banner", "Dismissed banner", 0, BootB),
    ];

    private static string Ndjson((string Process, int Pid, long Tid, string Sender, string Subsystem, string Category, string Level, string EventType, string Format, string Message, long Activity, string Boot) e, int index) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["timezoneName"] = "",
            ["messageType"] = e.Level,
            ["eventType"] = e.EventType,
            ["formatString"] = e.Format,
            ["activityIdentifier"] = e.Activity,
            ["subsystem"] = e.Subsystem,
            ["category"] = e.Category,
            ["threadID"] = e.Tid,
            ["bootUUID"] = e.Boot,
            ["processImagePath"] = e.Process,
            ["senderImagePath"] = e.Sender,
            ["timestamp"] = $"2025-10-23 16:00:0{index}.{index}00000+1100",
            ["machTimestamp"] = 912335000000L + index,
            ["eventMessage"] = e.Message,
            ["traceID"] = 0,
            ["processID"] = e.Pid,
            ["parentActivityIdentifier"] = 0,
        });
}
