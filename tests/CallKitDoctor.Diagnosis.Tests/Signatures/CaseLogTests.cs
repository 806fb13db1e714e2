using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

/// <summary>
/// Runs every physical line of every case log under ../shared/callkit/cases through the matcher (the whole line as
/// the message, no reader involved) and checks the evidence lines each case's .md names.
/// </summary>
public class CaseLogTests
{
    /// <summary>Per case: a fragment of an evidence line and the kind it must be recognised as (null: must not match).</summary>
    private static readonly Dictionary<string, (string Fragment, EventKind? Kind)[]> Evidence = new()
    {
        ["001"] = [("session lookup failure for SessionID 0x0", EventKind.ProxySessionFailed)],
        ["002"] = [
            ("[aurioc] 889: failed: 'ent?'", EventKind.AudioIoFailed),
            ("Error returned from setupIOUnit: 1701737535", EventKind.AudioIoFailed),
            ("Configuring audio session", null),
        ],
        ["003"] = [
            ("[RNCallKeep][reportNewIncomingCall]", EventKind.IncomingCallReported),
            ("[provider:performAnswerCallAction]", EventKind.ActionPerformed),
            ("[configureAudioSession] Activating audio session", EventKind.AppSetActiveAttempt),
            ("\"error_code\":-12983", EventKind.SetActiveFailed),
            ("\"details\":null", EventKind.AppSetActiveAttempt),
            ("\"controlling_PID\":150", EventKind.SessionActivated),
            ("Decreasing priority of other AVAudioSession interruption provider", EventKind.AudioActivationRequested),
            ("handleAudioSessionActivationStateChangedTo:]_block_invoke with active: 0", EventKind.DidDeactivateDelivered),
            ("[provider:didDeactivateAudioSession]", EventKind.DidDeactivateDelivered),
            ("TUCallCenterCallStatusChangedNotification", null),
            ("[RNCallKeep][updateDisplay]", null),
            ("\"details\":\"entry\"", null),
            ("_handleSessionInfoProvidingDelegateRouteChangeNotification", null),
            ("didReceiveAudioSessionRouteChangeNotificationWithUserInfo", null),
            ("Posting AVAudioSessionRouteChangeNotification", null),
            ("HandleEndInterruptionCallbackNotification", null),
            ("AVCAudioClient [NOTICE]", null),
        ],
        ["004"] = [
            ("providerDidBegin:", EventKind.ProviderBegan),
            ("StartCallAction transaction request successful", EventKind.OutgoingCallStarted),
            ("provider:performStartCallAction:", EventKind.OutgoingCallStarted),
            ("provider:didActivateAudioSession:", EventKind.DidActivateDelivered),
            ("pushRegistry:didUpdatePushCredentials:forType:", null),
            ("callDidStartRinging:", null),
            ("Snapshotting", null),
        ],
        ["005"] = [
            ("Created CXXPCCallSource with applicationIdentifier", EventKind.ProviderBegan),
            ("Connection invalidated for XPC call source", EventKind.CallSourceInvalidated),
            ("since its backing call source <private> is no longer connected", EventKind.CallEnded),
            ("ended call with UUID <private> with ended at date (null) with reason 1", EventKind.CallEnded),
            ("Setting disconnected reason to dial failed", EventKind.ActionFailed),
            ("Failing action by system request", EventKind.ActionFailed),
            ("completedAction: <private>", EventKind.ActionCompleted),
            ("self: <CXXPCProvider: 0x281498690>", EventKind.CallSourceInvalidated),
            ("Call controller host <private> requested transaction", null),
            ("[WARN] No call found for call source", null),
            ("symptomsd", null),
        ],
        ["006"] = [
            ("provider:didDeactivateAudioSession:", EventKind.DidDeactivateDelivered),
            ("AURemoteIO.cpp:1086:Initialize: failed: 561017449", EventKind.AudioIoFailed),
        ],
        ["007"] = [
            ("AVAudioSession setActive Error Domain=NSOSStatusErrorDomain Code=561017449", EventKind.SetActiveFailed),
            ("Fail: The operation couldn’t be completed. (OSStatus error 561017449.)", EventKind.SetActiveFailed),
            ("[aurioc] 1029: failed: '!pri'", EventKind.AudioIoFailed),
            ("AURemoteIO.cpp:1086:Initialize: failed: 561017449", EventKind.AudioIoFailed),
        ],
        ["008"] = [
            ("Termination Reason: FRONTBOARD 0xbaadca11", EventKind.PushNotReportedTermination),
            ("<RBSTerminateContext| domain:10 code:0xBAADCA11", EventKind.PushNotReportedTermination),
            ("Exception Type:", null),
            ("OS Version:", null),
        ],
        ["011"] = [
            ("Apps receving VoIP pushes must post an incoming call", EventKind.PushNotReportedTermination),
            ("_terminateAppIfThereAreUnhandledVoIPPushes", EventKind.PushNotReportedTermination),
            ("Killing app because it never posted an incoming call", EventKind.PushNotReportedTermination),
            ("*** First throw call stack:", null),
        ],
        ["015"] = [("requesttransaction error 7", EventKind.TransactionError)],
        ["017"] = [
            ("requesttransaction error 1", EventKind.TransactionError),
            ("Error Domain=com.apple.CallKit.error.requesttransaction Code=1", EventKind.TransactionError),
        ],
        ["020"] = [
            ("providerDidReset <CXXPCProvider: 0x10e0463c0>", EventKind.ProviderReset),
            ("DidBegin: <CXXPCProvider: 0x1261f3680>", EventKind.ProviderBegan),
            ("Provider to invalidate", null),
            ("Current provider", null),
        ],
        ["025"] = [
            ("Sending -[CXCallSource commitTransaction:]_block_invoke with transaction", EventKind.ActionPerformed),
            ("Successfully set audio activation context", EventKind.AudioActivationRequested),
            ("Setting audio active: <private> options: 0 for provider", EventKind.AudioActivationRequested),
            ("cmsSetIsActive: CMSession: 'sid:0x1803a", EventKind.SessionActivated),
            ("failed to register for Twilio push notifications", null),
            ("HTTP load failed", null),
            ("boringssl_session_errorlog", null),
            ("\"details\":\"entry\"", null),
            ("Asked to add action <private> to uncommitted transaction", null),
            ("Route configuration change initiated", null),
        ],
        ["026"] = [
            ("pushRegistry:didReceiveIncomingPushWithPayload:forType:completion:", EventKind.VoipPayloadDelivered),
            ("providerDidBegin", EventKind.ProviderBegan),
            ("Reported new incoming call successfully", EventKind.IncomingCallReported),
            ("provider:performAnswerCallAction:", EventKind.ActionPerformed),
            ("Error configuring AVAudioSession", EventKind.SetActiveFailed),
            ("THE NAME OF THE PERSON CALLING", null),
            ("START AUDIO CONFIG", null),
        ],
    };

    public static TheoryData<string> CaseLogs()
    {
        var data = new TheoryData<string>();
        var folder = SharedData.PathOf("callkit", "cases");
        if (folder is null || !Directory.Exists(folder))
        {
            data.Add("(shared data missing)");
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.log").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CaseLogs))]
    public void EvidenceLinesAreRecognised(string logName)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var lines = File.ReadAllLines(SharedData.PathOf("callkit", "cases", logName)!);
        var events = lines.Select(line => (Line: line, Event: SignatureMatcher.Default.Match(EntryFactory.Rendered(line)))).ToArray();

        var id = logName[..3];
        if (!Evidence.TryGetValue(id, out var evidence))
        {
            return; // a new case: every line went through the matcher without throwing
        }

        foreach (var (fragment, kind) in evidence)
        {
            var hits = events.Where(e => e.Line.Contains(fragment, StringComparison.Ordinal)).ToArray();
            Assert.True(hits.Length > 0, $"{logName}: no line contains '{fragment}'");
            foreach (var (line, matched) in hits)
            {
                if (kind is null)
                {
                    Assert.True(matched is null, $"{logName}: should not match, matched {matched?.SignatureId}: {line}");
                }
                else
                {
                    Assert.True(matched?.Kind == kind, $"{logName}: expected {kind}, got {matched?.Kind} [{matched?.SignatureId}]: {line}");
                }
            }
        }
    }

    [SkippableFact]
    public void EveryCaseHasEvidenceChecked()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var folder = SharedData.PathOf("callkit", "cases")!;
        var ids = Directory.EnumerateFiles(folder, "*.log").Select(f => Path.GetFileName(f)[..3]).ToArray();

        Assert.NotEmpty(ids);
        Assert.All(Evidence.Keys, id => Assert.Contains(id, ids));
    }
}
