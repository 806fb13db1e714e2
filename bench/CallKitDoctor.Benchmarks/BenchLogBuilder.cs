using System.Globalization;
using System.Text;

namespace CallKitDoctor.Benchmarks;

/// <summary>
/// Builds large text logs for benchmarks by repeating real lines: the call flow of
/// <c>samples/seed-production-failure.log</c> (timestamps advanced on every repetition) between runs of ordinary
/// system chatter, so that most lines match no signature, as in a real sysdiagnose.
/// </summary>
/// <remarks>
/// The sample stops while its third call is still ringing. Repeated as is, every repetition would leave one more call
/// that never ends, which no real log does and which keeps the diagnosis from ever closing an episode. So each
/// repetition ends that call with the sample's own end lines (the app's report of the end and callservicesd's receipt),
/// and the repetitions are <see cref="QuietAfterFlow"/> apart, longer than the longest rule window (30 s), as calls
/// on one phone are.
/// </remarks>
public sealed class BenchLogBuilder
{
    private static readonly string[] Noise =
    [
        "0x1f3      Default     0x0                  34     0    SpringBoard: (FrontBoard) [com.apple.FrontBoard:Process] [app<com.apple.mobilemail>:412] Setting process visibility to: Background",
        "0x7a2      Default     0x0                  88     0    locationd: [com.apple.locationd.Core:Client] {\"msg\":\"client authorization changed\", \"client\":\"<private>\", \"authorization\":4}",
        "0x91       Info        0x0                  0      0    kernel: (AppleBCMWLANCore) wl0: Roam: scan complete, 3 candidates, rssi -61",
        "0x2d7      Default     0x0                  105    0    audiomxd: (MediaExperience) [com.apple.coremedia:] -CMSMNotificationUtility- CMSMNotificationUtility_PostNowPlayingAppDidChange: Posting NowPlayingAppDidChange",
        "0x4c1      Default     0x0                  61     0    runningboardd: (RunningBoard) [com.apple.runningboard:process] [app<com.apple.Preferences(501)>:977] Memory limit set to 2098 MB",
        "0x3e0      Default     0x0                  143    0    dasd: (DuetActivityScheduler) [com.apple.duetactivityscheduler:scoring] com.apple.photoanalysisd.backgroundanalysis:2F1A0C: Decision: Must Not Proceed",
        "0x55a      Error       0x0                  212    0    wifid: [com.apple.WiFiManager:] __WiFiDeviceProcessLinkQualityEvent: rssi=-71 noise=-92 txRate=234",
        "0x118      Default     0x0                  77     0    backboardd: (IOKit) [com.apple.iokit:] Display brightness changed to 0.412",
        "0x66f      Default     0x0                  340    0    identityservicesd: [com.apple.IDS:Transport] Received incoming message over the push transport <private>",
        "0x3b1f0    Default     0x0                  1892   0    Glip: (libnetwork.dylib) [com.apple.network:connection] [C12 2F1D4E88 Hostname#6a1b2c3d:443 tcp, url hash: 1f2e3d4c] ready",
        "0x3b1f0    Info        0x0                  1892   0    Glip: (CFNetwork) [com.apple.CFNetwork:Summary] Task <6FA26867-3604-4FFA-AA50-0F157155F894>.<1> summary for task success {transaction_duration_ms=181}",
        "0x2c41     Default     0x0                  127    0    callservicesd: [com.apple.calls.callservicesd:Default] Screen time: Stopped monitoring screen time context for call <private>. Remaining contexts are <private>",

        // Messages of real system lines from the shared case logs, in this layout's columns.
        "0x6a0      Default     0x0                  96     0    dasd: [com.apple.duetactivityscheduler:triggers] Trigger: <private> is now [1]",
        "0x6a0      Default     0x0                  96     0    dasd: [com.apple.duetactivityscheduler:lifecycle] com.apple.coreduetd.monitor.MotionState:87E219:[",
        "0x712      Default     0x0                  88     0    locationd: [com.apple.locationd.Core:Client] {\"msg\":\"CLConnection::handleDisconnection\", \"event\":\"activity\"}",
        "0x712      Default     0x0                  88     0    locationd: [com.apple.locationd.Core:Client] Client com.apple.springboard disconnected",
        "0x712      Default     0x0                  88     0    locationd: [com.apple.locationd.Core:Client] {\"msg\":\"state transition\", \"event\":\"state_transition\", \"state\":\"DaemonClient\", \"id\":\"0x103821e00\", \"property\":\"lifecycle\", \"old\":\"0x103821e00\", \"new\":\"0x0\"}",
        "0x1c3      Default     0x0                  105    0    mediaserverd: (CoreAudio) [com.apple.coreaudio:carp] CAReportingClient.mm:296:-[CAReportingClient startReporters:]: starting (",
        "0x1c3      Default     0x0                  105    0    mediaserverd: (CoreAudio) [com.apple.coreaudio:carp] 114: service type 0 set for reporter  1572879",
        "0x1c3      Default     0x0                  105    0    mediaserverd: (CoreAudio) [com.apple.coreaudio:carp] startLogging: Client starts logging...",
        "0x1c3      Default     0x0                  105    0    mediaserverd: (MetricsManager) [com.apple.coreaudio:metrics] MetricsManager.mm:862:-[CHMetricsManager setReporterForEngine:audioSessionID:sessionIsShared:]: Unable to set Reporter for Engine 0x10dd52bd0 on AudioSession 139531",
        "0x2f9      Default     0x0                  58     0    assertiond: [com.apple.assertiond:assertion] [CourtBuddy:3072] dump all assertions HWM:3 (deactivateAssertion): {",
        "0x8e1      Default     0x0                  152    0    heard: (HearingUtilities) [com.apple.HearingUtilities:Nearby] -[HUNearbyController callStatusDidChange:]:206 Call status changed - NSConcreteNotification 0x104a357f0 {name = TUCallCenterCallStatusChangedNotification; object = <private>}",
        "0x433      Default     0x0                  71     0    symptomsd: (SymptomEvaluator) [com.apple.symptomsd:flow] entry: Fri Sep 25 11:03:03 2020         com.XXX.ObjCVoiceQuickstart (bundle)       1501724      1988409        61261       353892   0   1",
    ];

    /// <summary>Chatter lines between two call flows in the dense mix (about 15% of lines are call events).</summary>
    public const int DenseNoisePerFlow = 200;

    /// <summary>Chatter lines between two call flows in the realistic mix (under 1% call events, as in a sysdiagnose).</summary>
    public const int RealisticNoisePerFlow = 4000;

    /// <summary>Time between the end of one repetition of the flow and the chatter before the next one.</summary>
    public static readonly TimeSpan QuietAfterFlow = TimeSpan.FromSeconds(40);

    private readonly string[] _flowLines;
    private readonly int _noisePerFlow;

    /// <param name="flowLines">Lines of a <c>log show</c> default-style call flow (header and footer are dropped).</param>
    /// <param name="noisePerFlow">How many chatter lines to put between two repetitions of the flow.</param>
    public BenchLogBuilder(IEnumerable<string> flowLines, int noisePerFlow)
    {
        var lines = flowLines.Where(l => l.Length > 31 && char.IsDigit(l[0])).ToList();
        _noisePerFlow = noisePerFlow;
        if (lines.Count == 0)
        {
            throw new ArgumentException("no timestamped lines in the flow", nameof(flowLines));
        }

        // The end of the first call (app and callservicesd), repeated to end the call the sample leaves open.
        var end = lines.FindIndex(l => l.Contains("ended at date", StringComparison.Ordinal));
        if (end >= 0 && end + 1 < lines.Count && lines[end + 1].Contains("endedAtDate", StringComparison.Ordinal))
        {
            lines.Add(lines[end]);
            lines.Add(lines[end + 1]);
        }

        _flowLines = [.. lines];
    }

    /// <summary>Writes a log of about <paramref name="lineCount"/> lines in <c>log show</c> default style.</summary>
    public void Write(TextWriter writer, long lineCount)
    {
        writer.Write("Timestamp                       Thread     Type        Activity             PID    TTL  \n");
        var clock = new DateTime(2025, 10, 23, 9, 0, 0);
        long written = 0;
        var noise = 0;
        var sb = new StringBuilder(512);
        while (written < lineCount)
        {
            for (var i = 0; i < _noisePerFlow && written < lineCount; i++, written++)
            {
                clock = clock.AddTicks(3_217);
                WriteLine(writer, sb, clock, Noise[noise++ % Noise.Length]);
            }

            foreach (var line in _flowLines)
            {
                if (written++ >= lineCount)
                {
                    break;
                }

                clock = clock.AddTicks(9_871);
                // The flow's own columns after the 31-character timestamp.
                WriteLine(writer, sb, clock, line[32..]);
            }

            clock += QuietAfterFlow;
        }
    }

    /// <summary>Builds the log in memory.</summary>
    public string Build(long lineCount)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, lineCount);
        return writer.ToString();
    }

    private static void WriteLine(TextWriter writer, StringBuilder sb, DateTime clock, string rest)
    {
        sb.Clear();
        sb.Append(clock.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append("+1100 ").Append(rest).Append('\n');
        writer.Write(sb);
    }
}
