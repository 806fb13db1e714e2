namespace CallKitDoctor.Logging.Tests.Output;

/// <summary>
/// Lines exactly as Apple's <c>log show</c> printed them, taken from public captures (READMEs, notes and test fixtures
/// that quote real terminal output), used as oracles for the writers: each layout test rebuilds the entry from the
/// line's fields and checks that our writer prints the same bytes.
/// </summary>
internal static class LogShowOracleLines
{
    /// <summary>The default style's header (with its two trailing spaces), as printed before any entry.</summary>
    public const string DefaultHeader = "Timestamp                       Thread     Type        Activity             PID    TTL  ";

    /// <summary>The compact style's header.</summary>
    public const string CompactHeader = "Timestamp               Ty Process[PID:TID]";

    /// <summary>The syslog style's header (with its four trailing spaces).</summary>
    public const string SyslogHeader = "Timestamp                       (process)[PID]    ";

    /// <summary>The rule between the entries and the default style's summary.</summary>
    public static readonly string FooterRule = new('-', 116);

    /// <summary><c>log show --info --predicate …</c> on macOS 15, a process without subsystem or library.</summary>
    public const string DefaultInfo =
        "2026-01-25 23:03:22.041859+0200 0x150d23a  Info        0x0                  6103   0    logger: vmnet-broker: Downloading vmnet-broker latest";

    /// <summary>A default-level entry of the same capture.</summary>
    public const string DefaultDefault =
        "2026-01-25 23:03:22.939421+0200 0x150d2eb  Default     0x0                  6161   0    logger: vmnet-broker: Install completed";

    /// <summary><c>log stream --info</c> on macOS 13: library and subsystem/category decorations.</summary>
    public const string DefaultDecorated =
        "2023-07-19 08:22:51.916784+0300 0x3058     Info        0x0                  599    0    remotepairingd: (RemotePairing) [com.apple.dt.remotepairing:networktunnelmanager] tunnel-1: Tunnel established for interface: utun3, local fd41:8efc:c0f8::2 -> fd41:8efc:c0f8::1";

    /// <summary>An info entry inside an activity (macOS 15).</summary>
    public const string DefaultInActivity =
        "2024-12-12 21:45:11.346143+0100 0x76d4     Info        0x13a74              119    0    opendirectoryd: [com.apple.opendirectoryd:session] PID: 1621, Client: 'dscl', exited with 0 session(s), 0 node(s) and 0 active request(s)";

    /// <summary>The Type column onwards of an activity-creation line of the same capture (its timestamp was cut off).</summary>
    public const string DefaultActivityFromTypeColumn =
        "Activity    0x13a74              1621   0    dscl: (CFOpenDirectory) Closing a node reference";

    /// <summary>An error-level entry: <c>log</c> prints its TTL (14 days), which entries here do not carry.</summary>
    public const string DefaultErrorWithTtl =
        "2023-10-14 17:53:54.688700+0800 0x1e2cd    Error       0x0                  4004   14   ImagePreview: [com.simon:launch] An error occurred!";

    /// <summary>A message of several lines: the continuation lines are printed as they are, not indented.</summary>
    public static readonly string DefaultMultiLine = string.Join('\n',
        "2026-03-13 23:39:25.371181+0300 0x24ee6b   Default     0x0                  36329  0    SecureBrowserBot: [PYI-36329:ERROR] Traceback:",
        "Traceback (most recent call last):",
        "  File \"main.py\", line 212, in <module>",
        "UnboundLocalError: cannot access local variable 'watchdog' where it is not associated with a value");

    /// <summary>The summary of a capture with 776 default and 251 error entries.</summary>
    public const string FooterLogCounts =
        "Log      - Default:        776, Info:                0, Debug:             0, Error:        251, Fault:          0";

    /// <summary>The summary of a capture with one default, five info entries and five activities.</summary>
    public const string FooterLogWithInfo =
        "Log      - Default:          1, Info:                5, Debug:             0, Error:          0, Fault:          0";

    /// <summary>The activity summary of that capture.</summary>
    public const string FooterActivities =
        "Activity - Create:           5, Transition:          0, Actions:           0";

    /// <summary>The whole output of a <c>log show</c> that matched nothing.</summary>
    public static readonly string DefaultEmpty = string.Join('\n',
        DefaultHeader,
        FooterRule,
        "Log      - Default:          0, Info:                0, Debug:             0, Error:          0, Fault:          0",
        "Activity - Create:           0, Transition:          0, Actions:           0",
        "");

    /// <summary><c>--style compact</c>, info level (macOS 27 run notes).</summary>
    public const string CompactInfo =
        "2026-09-17 13:31:53.990 I  amfid[373:9b19a] Entering OSX path for <app>/Contents/Extensions/LivepaperExtension.appex/Contents/MacOS/LivepaperExtension";

    /// <summary><c>--style compact</c>, default level with a library.</summary>
    public const string CompactDefault =
        "2026-09-22 02:11:02.442 Df kernel[0:8c8] (IOUSBHostFamily) usb-drd2-port-hs@02100000: AppleUSBHostPort::createDevice: failed to create device (0xe00002bc)";

    /// <summary><c>--style compact</c>, error level with a library.</summary>
    public const string CompactError =
        "2026-09-22 02:11:02.452 E  kernel[0:3e32d] (IOUSBHostFamily) AppleUSBIORequest: AppleUSBIORequest::complete: device 1 (XBOX 360 For Windows Controller@02100000) endpoint 0x82: status 0xe00002ed (transaction error): 0 bytes transferred";

    /// <summary><c>--style compact</c>, error level with subsystem and category.</summary>
    public const string CompactErrorSubsystem =
        "2025-01-25 22:47:00.906 E  xcodebuild[11687:149bd] [com.apple.launchservices:default] LaunchServices: disconnect event interruption received for service com.apple.lsd.modifydb";

    /// <summary><c>--style compact</c>, a process name with a space.</summary>
    public const string CompactSpacedProcess =
        "2026-08-15 14:21:36.400 Df Talaria 27[25670:433ee4] [org.aethyrion.talaria27:app] createReminder due raw=\"\" parsed=nil";

    /// <summary><c>--style syslog</c>, a kernel extension's line.</summary>
    public const string SyslogKernel =
        "2023-05-26 13:42:44.136082+0200  localhost kernel[0]: (Sandbox) Sandbox: sandbox-exec(41398) deny(1) process-exec* /usr/bin/touch";

    /// <summary><c>--style syslog</c>, a negative offset.</summary>
    public const string SyslogNegativeOffset =
        "2023-05-21 00:16:34.987156-0700  localhost kernel[0]: (AppleACPIPlatform) AppleACPIPlatformPower Wake reason: RTC XDCI CNVW (Alarm)";
}
