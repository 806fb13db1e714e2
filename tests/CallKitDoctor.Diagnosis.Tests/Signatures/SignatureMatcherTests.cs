using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Signatures;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

public class SignatureMatcherTests
{
    private static readonly SignatureMatcher Matcher = SignatureMatcher.Default;

    private static Signature Sig(string id) => Matcher.Catalog.Signatures.Single(s => s.Id == id);

    public static TheoryData<SignatureExample> Examples()
    {
        var data = new TheoryData<SignatureExample>();
        foreach (var example in SignatureExamples.All)
        {
            data.Add(example);
        }

        return data;
    }

    public static TheoryData<string> FormatSignatureIds()
    {
        var data = new TheoryData<string>();
        foreach (var signature in SignatureCatalog.Embedded.Signatures.Where(s => s.FormatString is not null))
        {
            data.Add(signature.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void RenderedLineIsRecognised(SignatureExample example)
    {
        var expected = Sig(example.ExpectedRenderedId);

        var matched = Matcher.Match(EntryFactory.Rendered(example.Line, example.Process));

        Assert.NotNull(matched);
        Assert.Equal(expected.Id, matched.SignatureId);
        Assert.True(matched.Kind == expected.Kind || matched.Kind == expected.InactiveKind, $"kind {matched.Kind}");
        Assert.NotEqual(MatchConfidence.Exact, matched.Confidence);
        Assert.Equal(expected.Confidence == MatchConfidence.Heuristic ? MatchConfidence.Heuristic : MatchConfidence.Rendered, matched.Confidence);
    }

    [Theory]
    [MemberData(nameof(FormatSignatureIds))]
    public void FormatStringIsRecognisedExactly(string id)
    {
        var signature = Sig(id);
        var examples = SignatureExamples.All.Where(e => e.Id == id).ToArray();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var matched = Matcher.Match(EntryFactory.Exact(signature, example.Line, example.Process));

            Assert.NotNull(matched);
            Assert.Equal(id, matched.SignatureId);
            Assert.Equal(MatchConfidence.Exact, matched.Confidence);
        }
    }

    [Fact]
    public void EverySignatureHasAnExample()
    {
        var covered = SignatureExamples.All.Select(e => e.Id).ToHashSet();
        var missing = Matcher.Catalog.Signatures.Select(s => s.Id).Where(id => !covered.Contains(id)).ToArray();
        Assert.Empty(missing);
        Assert.All(SignatureExamples.All, e => Assert.Contains(Matcher.Catalog.Signatures, s => s.Id == e.Id));
    }

    [Fact]
    public void ExactPathIgnoresTheRenderedTextItCannotRead()
    {
        // A format-string match stands even when the rendered text is unusual (e.g. a differently padded rendering).
        var signature = Sig("callkit.app.report-new-incoming");
        var entry = EntryFactory.Exact(signature, "Provider <private> was asked to report something else", "Glip");

        var matched = Matcher.Match(entry);

        Assert.Equal("callkit.app.report-new-incoming", matched?.SignatureId);
        Assert.Null(matched!.CallUuid);
    }

    [Fact]
    public void UnknownFormatStringDoesNotFallBackToOtherFormats()
    {
        var entry = new Logging.Entries.LogEntry("Registering configuration <private>")
        {
            FormatString = "Registering configuration %@ for something else",
            Process = "MyCallingApp",
        };

        Assert.Null(Matcher.Match(entry));
    }

    [Fact]
    public void UnknownFormatStringStillReachesObservedPatterns()
    {
        var entry = new Logging.Entries.LogEntry("Setting audio active: <private> options: 0 for provider <private>")
        {
            FormatString = "Setting audio active: %@ options: %lu for provider %@",
            Process = "callservicesd",
        };

        Assert.Equal("callservicesd.setting-audio-active", Matcher.Match(entry)?.SignatureId);
    }

    [Fact]
    public void ExactPathRejectsImplausibleProcessAndSubsystem()
    {
        var signature = Sig("callkit.callservicesd.audio-activation-changed");
        const string line = "Sending -[CXCallSource handleAudioSessionActivationStateChangedTo:]_block_invoke with active: 1";

        Assert.Null(Matcher.Match(EntryFactory.Exact(signature, line, "MyCallingApp")));
        Assert.Null(Matcher.Match(new Logging.Entries.LogEntry(line)
        {
            FormatString = signature.FormatString,
            Process = "callservicesd",
            Subsystem = "com.apple.coreaudio",
        }));
        Assert.NotNull(Matcher.Match(EntryFactory.Exact(signature, line, "callservicesd")));
    }

    [Fact]
    public void RenderedPathChecksTheProcess()
    {
        const string line = "Sending -[CXCallSource handleAudioSessionActivationStateChangedTo:]_block_invoke with active: 1";

        Assert.Null(Matcher.Match(EntryFactory.Rendered(line, "MyCallingApp")));
        Assert.Equal(EventActor.CallServices, Matcher.Match(EntryFactory.Rendered(line, "callservicesd"))?.Actor);
        Assert.NotNull(Matcher.Match(EntryFactory.Rendered(line)));
        Assert.Null(Matcher.Match(EntryFactory.Rendered("provider:didActivateAudioSession:", "callservicesd")));
    }

    [Fact]
    public void AvAudioSessionClientActorFollowsTheProcess()
    {
        const string line = "    AVAudioSession_iOS.mm:984   Activated session 0xd387b18";

        Assert.Equal(EventActor.App, Matcher.Match(EntryFactory.Rendered(line, "Glip"))?.Actor);
        Assert.Equal(EventActor.CallServices, Matcher.Match(EntryFactory.Rendered(line, "callservicesd"))?.Actor);
    }

    [Fact]
    public void DelegateWarningIsNotTakenForThePerformedAction()
    {
        var matched = Matcher.Match(EntryFactory.Rendered("[WARN] Delegate does not respond to provider:performAnswerCallAction:. Action will not be performed", "MyCallingApp"));

        Assert.Equal(EventKind.ActionFailed, matched?.Kind);
        Assert.Equal(CallActionType.Answer, matched?.Action);
    }

    [Fact]
    public void PushKitWarningIsNotTakenForPayloadDelivery()
    {
        var matched = Matcher.Match(EntryFactory.Rendered(
            "Apps receving VoIP pushes must post an incoming call via CallKit in the same run loop as pushRegistry:didReceiveIncomingPushWithPayload:forType:[withCompletionHandler:] without delay."));

        Assert.Equal(EventKind.PushNotReportedTermination, matched?.Kind);
    }

    [Theory]
    [InlineData("13:07:09.945267-0400\theard\t-[HUNearbyController callStatusDidChange:]:206 Call status changed - NSConcreteNotification 0x104a357f0 {name = TUCallCenterCallStatusChangedNotification; object = <TUProxyCall 0x104f74b00 p=Q22QQV3L2L.com.net2phone.unite aPI=com.apple.InCallService svc=Unknown stat=Ringing uPI=E1ABE4D2-F60A-4B58-84EB-8B889FE66126 aC=AVAudioSessionCategoryPlayAndRecord aM=AVAudioSessionModeVoiceChat model=<TUCallModel 0x109908ba0 hold=1 grp=1> <…>")]
    [InlineData("-[CSXPCClient _handleSessionInfoProvidingDelegateRouteChangeNotification:] Received notificationInfo {\n    AVAudioSessionRouteChangeReasonKey = 3;\n}")]
    [InlineData("-[CSAudioSessionController audioSessionInfoProvider:didReceiveAudioSessionRouteChangeNotificationWithUserInfo:]_block_invoke")]
    [InlineData("-[CSAudioSessionInfoProvidingProxy _handleSessionIDRequestMessage:messageBody:client:] sessionID(for deviceId (null) = 139559")]
    [InlineData("AudioSessionServerImp.cpp:3166:Sub_AudioSessionSetActiveWithFlags: { \"action\":\"activate\", \"session\":{\"ID\":\"0x3535e\",\"PID\":2145,\"name\":\"liveninjaMesseng\"}, \"details\":\"entry\" }")]
    [InlineData("AudioSessionServerImp.cpp:2980:AudioSessionSetProperty: { \"action\":\"set_property\", \"session\":{\"ID\":\"0x3535e\",\"PID\":2145,\"name\":\"liveninjaMesseng\"}, \"details\":{\"key\":\"PreferredInputSampleRate\",\"value\":44100.0} }")]
    [InlineData("AudioSessionServerImp.cpp:4162:HandleEndInterruptionCallbackNotification: { \"action\":\"handle_end_interruption\", \"session\":{\"ID\":\"0x2210b\",\"PID\":150,\"name\":\"callservicesd\"}, \"details\":{\"resumable\":true} }")]
    [InlineData("    AVAudioSession_iOS.mm:303   Posting AVAudioSessionRouteChangeNotification. Reason: AVAudioSessionRouteChangeReasonCategoryChange")]
    [InlineData("AVCAudioClient [NOTICE] +[AVAudioClient initializeAudioSessionQ]:53 @:@ AVAudioClient-initializeAudioSessionQ (0x20dd534c0)")]
    [InlineData("[RNCallKeep][updateDisplay] uuidString = e1abe4d2-f60a-4b58-84eb-8b889fe66126 displayName = +1 973 289 1493 uri = +19732891493")]
    [InlineData("[RNCallKeep][requestTransaction] Requested transaction successfully")]
    [InlineData("pushRegistry:didUpdatePushCredentials:forType:")]
    [InlineData("callDidStartRinging:")]
    [InlineData("Provider to invalidate Optional(<CXXPCProvider: 0x10e0463c0>)")]
    [InlineData("[ERROR TwilioVoice] Inside register:deviceToken:completion:, failed to register for Twilio push notifications. Error:The request timed out.")]
    [InlineData("Task <6FA26867-3604-4FFA-AA50-0F157155F894>.<1> HTTP load failed (error code: -1005 [4:-4])")]
    [InlineData("Asked to add action <private> to uncommitted transaction for call source <private>")]
    [InlineData("Call source <private> updated call with UUID <private> with update <private>")]
    [InlineData("Exception Type:  EXC_CRASH (SIGKILL)")]
    [InlineData("Termination Reason: Namespace SIGNAL, Code 9 Killed: 9")]
    [InlineData("myself: <CXXPCProvider: 0x1>")]
    [InlineData("self: <UIViewController: 0x1>")]
    [InlineData("Provider <private> was notified that outgoing call with UUID <private> started connecting at date <private>")]
    [InlineData("The operation couldn’t be completed. (OSStatus error -1.)")]
    [InlineData("")]
    public void NearMissesDoNotMatch(string line)
    {
        Assert.Null(Matcher.Match(EntryFactory.Rendered(line)));
    }

    [Fact]
    public void MalformedAndHugeInputDoesNotThrow()
    {
        var huge = string.Concat(Enumerable.Repeat("Provider <private> was asked to report a new incoming call with UUID: ", 2000));
        Assert.NotNull(Matcher.Match(EntryFactory.Rendered(huge + "x update: y")));
        Assert.Null(Matcher.Match(EntryFactory.Rendered(new string('%', 10000))));
        Assert.Null(Matcher.Match(EntryFactory.Rendered("\0\uffff failed: (enable")));
    }
}
