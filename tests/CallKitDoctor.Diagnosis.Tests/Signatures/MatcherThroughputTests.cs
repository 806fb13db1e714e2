using System.Diagnostics;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Logging.Entries;
using Xunit.Abstractions;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

/// <summary>
/// Measures <see cref="SignatureMatcher.Match"/> over ~1M real-looking lines, mostly lines that match nothing (as in a
/// sysdiagnose), with the matching lines of the examples mixed in.
/// </summary>
public class MatcherThroughputTests(ITestOutputHelper output)
{
    private const double MinimumLinesPerSecond = 20_000;

    private static readonly string[] Background =
    [
        "-[HUNearbyController callStatusDidChange:]:206 Call status changed - NSConcreteNotification 0x104a357f0 {name = TUCallCenterCallStatusChangedNotification; object = <TUProxyCall 0x104f74b00 p=Q22QQV3L2L.com.net2phone.unite aPI=com.apple.InCallService svc=Unknown stat=Ringing tStat=0 dR=0 fR=0 supportsR=1 uPI=E1ABE4D2-F60A-4B58-84EB-8B889FE66126 grp=(null) hosted=1 endpt=1 aC=AVAudioSessionCategoryPlayAndRecord aM=AVAudioSessionModeVoiceChat iUB=0 vm=0 connStat=00 <…>",
        "AudioSessionServerImp.cpp:2980:AudioSessionSetProperty: { \"action\":\"set_property\", \"session\":{\"ID\":\"0x3535e\",\"PID\":2145,\"name\":\"liveninjaMesseng\"}, \"details\":{\"key\":\"PreferredInputSampleRate\",\"value\":44100.0} }",
        "AudioSessionServerImp.cpp:3166:Sub_AudioSessionSetActiveWithFlags: { \"action\":\"activate\", \"session\":{\"ID\":\"0x3535e\",\"PID\":2145,\"name\":\"liveninjaMesseng\"}, \"details\":\"entry\" }",
        "Function boringssl_session_errorlog: line 2871 [boringssl_session_read] SSL_ERROR_ZERO_RETURN(6): operation failed because the connection was cleanly shut down with a close_notify alert",
        "Task <6FA26867-3604-4FFA-AA50-0F157155F894>.<1> HTTP load failed (error code: -1005 [4:-4])",
        "TIC TCP Conn Cancel [3:0x109018640]",
        "Call controller host <private> requested transaction <private> for connection with identifier: <private> bundle: <private> extensionIdentifier: (null)",
        "Asked to add action <private> to uncommitted transaction for call source <private>",
        "{\"msg\":\"CLConnection::handleDisconnection\", \"event\":\"activity\"}",
        "com.apple.session.schedule:5EA363:[\n\t{name: DeviceActivityPolicy, policyWeight: 20.000, response: {Decision: Must Not Proceed, Score: 0.00, Rationale: [{deviceActivity == 1}]}}\n ], FinalDecision: Must Not Proceed}",
        "[RNCallKeep][updateDisplay] uuidString = e1abe4d2-f60a-4b58-84eb-8b889fe66126 displayName = +1 973 289 1493 uri = +19732891493",
        "    AVAudioSession_iOS.mm:303   Posting AVAudioSessionRouteChangeNotification. Reason: AVAudioSessionRouteChangeReasonCategoryChange",
        "Trigger: <private> is now [1]",
        "[<private>] no observers; dropped.",
        "storebagForSession: Not fetching storebag for client type 19 - must wait 900 seconds between attempts",
        "Provider to invalidate Optional(<CXXPCProvider: 0x10e0463c0>)",
        "pushRegistry:didUpdatePushCredentials:forType:",
        "[Snapshotting] Snapshotting a view (0x145210320, _UIReplicantView) that has not been rendered at least once requires afterScreenUpdates:YES.",
        "Client com.apple.springboard disconnected",
        "2527:   - category: crng",
    ];

    [Fact]
    public void MatchesAtLeastHalfAMillionLinesPerSecond()
    {
        var matcher = SignatureMatcher.Default;
        var pool = new List<LogEntry>();
        for (var i = 0; i < 100; i++)
        {
            pool.AddRange(Background.Select(line => new LogEntry(line) { Process = "somed" }));
        }

        pool.AddRange(SignatureExamples.All.Select(e => new LogEntry(e.Line) { Process = e.Process }));
        var entries = pool.ToArray();
        foreach (var entry in entries)
        {
            _ = matcher.Match(entry); // compile the regexes the candidates need before timing
        }

        const int total = 1_000_000;
        var recognised = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            if (matcher.Match(entries[i % entries.Length]) is not null)
            {
                recognised++;
            }
        }

        stopwatch.Stop();
        var perSecond = total / stopwatch.Elapsed.TotalSeconds;
        output.WriteLine($"{total:N0} entries ({recognised:N0} recognised) in {stopwatch.Elapsed.TotalMilliseconds:N0} ms = {perSecond:N0} lines/s");

        Assert.InRange(recognised, total / 50, total / 5);

        // The pipeline target is 500,000 lines/s on an idle machine (see the report); this floor only catches
        // regressions such as catastrophic backtracking, which cost milliseconds per line, on a shared CI box.
        Assert.True(perSecond >= MinimumLinesPerSecond, $"{perSecond:N0} lines/s");
    }
}
