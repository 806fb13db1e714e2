namespace CallKitDoctor.Logging.Reading;

/// <summary>The input layouts CallKit Doctor reads. <see cref="Auto"/> detects the layout from the content.</summary>
public enum LogInputFormat
{
    Auto = 0,

    /// <summary>Console.app copy: tab-separated, optional localized level column, time (usually without date) and offset.</summary>
    Console,

    /// <summary><c>log show</c> default style: header line, fixed columns (timestamp, thread, type, activity, pid, ttl, process: message).</summary>
    LogShowDefault,

    /// <summary><c>log show --style compact</c>: header, <c>timestamp Ty process[pid:tid] message</c>.</summary>
    LogShowCompact,

    /// <summary><c>log show --style syslog</c>: <c>timestamp host process[pid]: message</c>.</summary>
    LogShowSyslog,

    /// <summary><c>log show --style json</c>: a JSON array of entries.</summary>
    LogShowJson,

    /// <summary><c>log show --style ndjson</c>: one JSON object per line, trailing count record.</summary>
    LogShowNdjson,

    /// <summary>Xcode console / NSLog lines: <c>2020-09-25 19:26:16.378372+0200 App[123:4567] message</c>, plus bare lines.</summary>
    Xcode,

    /// <summary>Crash or termination report text (<c>.ips</c> translated, <c>Termination Reason: …</c>).</summary>
    CrashReport,

    /// <summary>Anything else: every line is a message without metadata.</summary>
    Plain,

    /// <summary>A binary tracev3 file, logarchive or sysdiagnose (read by the unified-log reader).</summary>
    Unified,

    /// <summary>
    /// Lines quoted from <c>log show</c> output with the middle columns trimmed (as people and Apple DTS paste them):
    /// <c>2025-10-23 16:00:39.916170+1100 Glip: (CallKit) [com.apple.calls.callkit:Default] message</c>.
    /// </summary>
    LogShowExcerpt,
}
