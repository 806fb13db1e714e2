using CallKitDoctor.Scenarios.Composition;

namespace CallKitDoctor.Scenarios.Archive;

/// <summary>The process behind an actor: executable path, pid, the thread it logs from, euid and proc_id pair.</summary>
public sealed record ActorProcess(ScenarioActor Actor, string ExecutablePath, int ProcessId, ulong ThreadId, uint EffectiveUserId, ulong FirstProcId, uint SecondProcId)
{
    /// <summary>The process of <paramref name="actor"/> (the app's from <paramref name="app"/>).</summary>
    public static ActorProcess For(ScenarioActor actor, AppProfile app) => actor switch
    {
        ScenarioActor.App => new(actor, app.ExecutablePath, app.ProcessId, app.ThreadId, 501, 0x8_4A21, 0x14_0C3F),
        ScenarioActor.CallServices => new(actor, "/System/Library/PrivateFrameworks/TelephonyUtilities.framework/callservicesd", 127, 0x2c41, 501, 0x1_0B7E, 0x0_9A11),
        ScenarioActor.AudioServer => new(actor, "/usr/libexec/audiomxd", 105, 0x2d7, 501, 0x0_E2C3, 0x0_8F02),
        _ => new(actor, "/System/Library/CoreServices/SpringBoard.app/SpringBoard", 34, 0x1f3, 501, 0x0_5D10, 0x0_4417),
    };
}
