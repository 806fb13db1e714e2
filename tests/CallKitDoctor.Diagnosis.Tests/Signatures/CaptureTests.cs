using CallKitDoctor.Diagnosis.Codes;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Signatures;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

public class CaptureTests
{
    private static readonly Guid CallUuid = Guid.Parse("E1ABE4D2-F60A-4B58-84EB-8B889FE66126");

    private static CallEvent Match(string line, string? process = null) =>
        SignatureMatcher.Default.Match(EntryFactory.Rendered(line, process)) ?? throw new Xunit.Sdk.XunitException("no match: " + line);

    [Fact]
    public void CallUuidComesFromTheActionsCallUuidNotTheTransactionOrActionUuid()
    {
        var e = Match("Received request to commit transaction <CXTransaction 0x28135eca0 UUID=DD06A1D7-9482-4F94-BE2B-258075200D1E isComplete=0 actions=(\n    \"<CXAnswerCallAction 0x283f60850 UUID=B67720E9-F1E2-4F2F-91AE-AD32A7F44AA8 state=0 commitDate=(null) callUUID=E1ABE4D2-F60A-4B58-84EB-8B889FE66126 dateConnected=(null)>\"\n)>", "App");

        Assert.Equal(CallUuid, e.CallUuid);
        Assert.Equal(CallActionType.Answer, e.Action);
    }

    [Fact]
    public void CallUuidFromRnCallKeepLowerCase()
    {
        var e = Match("[RNCallKeep][reportNewIncomingCall] uuidString = e1abe4d2-f60a-4b58-84eb-8b889fe66126");

        Assert.Equal(EventKind.IncomingCallReported, e.Kind);
        Assert.Equal(CallUuid, e.CallUuid);
    }

    [Fact]
    public void CallUuidFromAClearArgumentButNeverFromARedaction()
    {
        Assert.Equal(CallUuid, Match("Provider <private> was asked to report a new incoming call with UUID: E1ABE4D2-F60A-4B58-84EB-8B889FE66126 update: <private>").CallUuid);
        Assert.Null(Match("Provider <private> was asked to report a new incoming call with UUID: <private> update: <private>").CallUuid);
        Assert.Null(Match("Asking delegate to perform action <private>").CallUuid);
    }

    [Theory]
    [InlineData("Asking delegate to perform action <CXSetHeldCallAction 0x2 UUID=B67720E9-F1E2-4F2F-91AE-AD32A7F44AA8 state=0 callUUID=E1ABE4D2-F60A-4B58-84EB-8B889FE66126 onHold=1>", true)]
    [InlineData("Asking delegate to perform action <CXSetHeldCallAction 0x2 UUID=B67720E9-F1E2-4F2F-91AE-AD32A7F44AA8 state=0 callUUID=E1ABE4D2-F60A-4B58-84EB-8B889FE66126 onHold=0>", false)]
    public void HoldActionCarriesOnHold(string line, bool onHold)
    {
        var e = Match(line, "App");

        Assert.Equal(EventKind.HoldChanged, e.Kind);
        Assert.Equal(CallActionType.SetHeld, e.Action);
        Assert.Equal(onHold, e.OnHold);
        Assert.Equal(CallUuid, e.CallUuid);
    }

    [Theory]
    [InlineData("Sending -[CXCallSource handleAudioSessionActivationStateChangedTo:]_block_invoke with active: 1", true, EventKind.DidActivateDelivered)]
    [InlineData("Sending -[CXCallSource handleAudioSessionActivationStateChangedTo:]_block_invoke with active: 0", false, EventKind.DidDeactivateDelivered)]
    [InlineData("Notified that audio session activation state changed to: 1", true, EventKind.DidActivateDelivered)]
    [InlineData("Notifying delegate that audio session activation state changed to: 0", false, EventKind.DidDeactivateDelivered)]
    [InlineData("    AVAudioSession_iOS.mm:984   Activated session 0xd387b18", true, EventKind.SessionActivated)]
    [InlineData("    AVAudioSession_iOS.mm:984   Deactivated session 0xd387b18", false, EventKind.SessionDeactivated)]
    [InlineData("-CMSessionMgr- cmsSetIsActive:5522 'sid:0x78587, Runner(44090), 'prim'' with [PlayAndRecord/VoiceChat] [NonMixable] [Phone] siriEndpointID: (null) going inactive NowPlayingApp:NO IsSharedAVAudioSessionInstance:NO", false, EventKind.SessionDeactivated)]
    [InlineData("-CMSessionMgr- cmsSetIsActive: CMSession: 'sid:0x1803a, callservicesd(112), 'prim'' with category/mode Ringtone/Default going inactive", false, EventKind.SessionDeactivated)]
    [InlineData("[RNCallKeep][CXProviderDelegate][provider:didDeactivateAudioSession]", false, EventKind.DidDeactivateDelivered)]
    public void ActiveFlagAndKind(string line, bool active, EventKind kind)
    {
        var e = Match(line);

        Assert.Equal(active, e.Active);
        Assert.Equal(kind, e.Kind);
    }

    [Fact]
    public void ActivationWithExactFormatStringAlsoSwitchesKind()
    {
        var signature = SignatureMatcher.Default.Catalog.Signatures.Single(s => s.Id == "avfaudio.client.set-active-session");
        var e = SignatureMatcher.Default.Match(EntryFactory.Exact(signature, "    AVAudioSession_iOS.mm:984   Deactivated session 0xd387b18", "Glip"));

        Assert.Equal("avfaudio.client.set-active-session", e?.SignatureId);
        Assert.Equal(EventKind.SessionDeactivated, e?.Kind);
        Assert.Equal(0xd387b18u, e?.SessionId);
    }

    [Theory]
    [InlineData("    AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x0, error = <NSError:0x60000071c03da10(NSOSStatusErrorDomain:-50) - {\n    NSLocalizedDescription = \"Session lookup failed\";\n}>", 0u)]
    [InlineData("AVAudioSessionXPCServer.mm:404 -[AVAudioSessionRemoteXPCClient createProxySession:reply:] failed due to session lookup failure for SessionID 0x0", 0u)]
    [InlineData("     AVAudioSession_iOS.mm:996   Activated session 0xd90994a", 0xd90994au)]
    [InlineData("-CMSessionMgr- cmsSetIsActive:5522 'sid:0x78587, Runner(44090), 'prim'' with [MediaPlayback/Default] [NonMixable] [System Music] siriEndpointID: (null) going active NowPlayingApp:YES IsSharedAVAudioSessionInstance:YES", 0x78587u)]
    [InlineData("AudioSessionServerImp.cpp:3223:Sub_AudioSessionSetActiveWithFlags: { \"action\":\"activate\", \"session\":{\"ID\":\"0x3535e\",\"PID\":2145,\"name\":\"liveninjaMesseng\"}, \"details\":{\"controlling_PID\":150} }", 0x3535eu)]
    public void SessionIds(string line, uint sessionId)
    {
        Assert.Equal(sessionId, Match(line).SessionId);
    }

    [Fact]
    public void RedactedSessionIdIsNull()
    {
        var e = Match("    AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x<private>, error = <private>");

        Assert.Equal(EventKind.ProxySessionFailed, e.Kind);
        Assert.Null(e.SessionId);
        Assert.Null(e.StatusCode);
    }

    [Theory]
    [InlineData("Fail: The operation couldn’t be completed. (OSStatus error 561017449.)", 561017449)]
    [InlineData("[aurioc] 1029: failed: '!pri' (enable 3, outf< 1 ch,  44100 Hz, Int16> inf< 1 ch,  44100 Hz, Int16>)", 561017449)]
    [InlineData("[aurioc] 889: failed: 'ent?' (enable 3, outf< 1 ch, 44100 Hz, Float32> inf< 1 ch, 44100 Hz, Float32>)", 1701737535)]
    [InlineData("[aurioc] AURemoteIO.cpp:1086:Initialize: failed: 561017449 (enable 3, outf< 1 ch,  44100 Hz, Int16> inf< 1 ch,  44100 Hz, Int16>", 561017449)]
    [InlineData("ERROR:Twilio:[Platform](0x105959800): AVAudioSession setActive Error Domain=NSOSStatusErrorDomain Code=561017449 \"(null)\"", 561017449)]
    [InlineData("[ERROR] Logger - Error configuring AVAudioSession: \nError Domain=NSOSStatusErrorDomain Code=561017449 \"(null)\"", 561017449)]
    [InlineData("    AVAudioSession_iOS.mm:597   Creating proxy session failed, session ID = 0x0, error = <NSError:0x60000071c03da10(NSOSStatusErrorDomain:-50) - {\n    NSLocalizedDescription = \"Session lookup failed\";\n}>", -50)]
    [InlineData("AudioSessionServerImp.cpp:285:TranslateCMSessionErrorCode: { \"action\":\"cm_session_begin_interruption\", \"error\":\"translating CM session error\", \"session\":{\"ID\":\"0x3535e\",\"PID\":2145,\"name\":\"liveninjaMesseng\"}, \"details\":{\"calling_line\":3196,\"error_code\":-12983,\"error_string\":\"Insufficient priority\"} }", -12983)]
    [InlineData("Error returned from setupIOUnit: 1701737535: couldn't initialize Apple Voice Processing IO instance", 1701737535)]
    [InlineData("(RTCAudioSession.mm:390 -[RTCAudioSession setActive:error:]): Failed to setActive:1. Error: The operation couldn’t be completed. (OSStatus error 560557684.)", 560557684)]
    [InlineData("     AVAudioSession_iOS.mm:1040  Server returned an error:. Error Domain=NSOSStatusErrorDomain Code=561017449 \"(null)\"", 561017449)]
    public void StatusCodesInEverySpelling(string line, int status)
    {
        var e = Match(line);

        Assert.Equal(status, e.StatusCode);
        Assert.Equal(status, new OsStatus(e.StatusCode!.Value).Value);
    }

    [Theory]
    [InlineData("StartCallAction transaction request failed: The operation couldn’t be completed. (com.apple.CallKit.error.requesttransaction error 7.)", 7, "maximumCallGroupsReached")]
    [InlineData("VoipCoordinator:StartCallAction transaction request failed: The operation couldn’t be completed. (com.apple.CallKit.error.requesttransaction error 1.)", 1, "unentitled")]
    [InlineData("POST-VoipCoordinatorCalling failed: Error Domain=com.apple.CallKit.error.requesttransaction Code=1 \"(null)\"", 1, "unentitled")]
    [InlineData("Error requesting transaction: Error Domain=com.apple.CallKit.error.requesttransaction Code=4 \"(null)\"", 4, "unknownCallUUID")]
    public void RequestTransactionErrors(string line, int code, string name)
    {
        var e = Match(line);

        Assert.Equal(EventKind.TransactionError, e.Kind);
        Assert.Equal(CallKitErrorDomains.RequestTransaction, e.ErrorDomain);
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(name, new CallKitErrorCode(e.ErrorDomain!, e.ErrorCode!.Value).Name);
        Assert.Null(e.StatusCode);
    }

    [Fact]
    public void StartCallActionFailureNamesTheAction()
    {
        Assert.Equal(CallActionType.Start, Match("StartCallAction transaction request failed: The operation couldn’t be completed. (com.apple.CallKit.error.requesttransaction error 7.)").Action);
    }

    [Fact]
    public void ImpliedIncomingCallErrors()
    {
        var e = Match("[WARN] Ignoring add incoming call request because a call already exists with the same UUID: existingCall: <private>, re layCallWithUUID: <private>", "callservicesd");

        Assert.Equal(CallKitErrorDomains.IncomingCall, e.ErrorDomain);
        Assert.Equal("callUUIDAlreadyExists", new CallKitErrorCode(e.ErrorDomain!, e.ErrorCode!.Value).Name);
    }

    [Fact]
    public void ControllingPid()
    {
        var e = Match("AudioSessionServerImp.cpp:3223:Sub_AudioSessionSetActiveWithFlags: { \"action\":\"activate\", \"session\":{\"ID\":\"0x3535e\",\"PID\":2145,\"name\":\"liveninjaMesseng\"}, \"details\":{\"controlling_PID\":150} }", "mediaserverd");

        Assert.Equal(EventKind.SessionActivated, e.Kind);
        Assert.Equal(150, e.ControllingPid);
        Assert.Equal(EventActor.AudioServer, e.Actor);
    }

    [Fact]
    public void AppDrivenActivationHasNoControllingPid()
    {
        var e = Match("AudioSessionServerImp.cpp:3223:Sub_AudioSessionSetActiveWithFlags: { \"action\":\"activate\", \"session\":{\"ID\":\"0x3535e\",\"PID\":2145,\"name\":\"liveninjaMesseng\"}, \"details\":null }");

        Assert.Equal(EventKind.AppSetActiveAttempt, e.Kind);
        Assert.Null(e.ControllingPid);
        Assert.Equal(0x3535eu, e.SessionId);
    }

    [Fact]
    public void FixedValuesFromHeuristics()
    {
        Assert.Equal(CallActionType.Answer, Match("provider:performAnswerCallAction:").Action);
        Assert.Equal(CallActionType.Start, Match("provider:performStartCallAction:").Action);
        Assert.Equal(true, Match("provider:didActivateAudioSession:").Active);
        Assert.Equal(MatchConfidence.Heuristic, Match("provider:didActivateAudioSession:").Confidence);
    }
}
