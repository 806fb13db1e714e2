using System.Globalization;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Output;
using CallKitDoctor.Logging.Reading;
using Oracle = CallKitDoctor.Logging.Tests.Output.LogShowOracleLines;

namespace CallKitDoctor.Logging.Tests.Output;

/// <summary>
/// The text styles against lines <c>log show</c> printed (<see cref="LogShowOracleLines"/>): for each real line the entry
/// is rebuilt from the line's fields (parsed here, not by our readers) and written; the output must be the same bytes.
/// </summary>
public sealed class TextLayoutTests
{
    [Theory]
    [InlineData(LogOutputStyle.Default, Oracle.DefaultHeader)]
    [InlineData(LogOutputStyle.Compact, Oracle.CompactHeader)]
    [InlineData(LogOutputStyle.Syslog, Oracle.SyslogHeader)]
    public void HeaderIsTheLineLogPrints(LogOutputStyle style, string header) =>
        Assert.Equal(header, WrittenOutput.Of(style, new LogEntry("m")).Split('\n')[0]);

    [Theory]
    [InlineData(nameof(Oracle.DefaultInfo))]
    [InlineData(nameof(Oracle.DefaultDefault))]
    [InlineData(nameof(Oracle.DefaultDecorated))]
    [InlineData(nameof(Oracle.DefaultInActivity))]
    [InlineData(nameof(Oracle.DefaultMultiLine))]
    public void DefaultStyleLineIsByteForByteWhatLogPrinted(string name)
    {
        var (line, entry) = DefaultCase(name);

        var lines = WrittenOutput.Of(LogOutputStyle.Default, entry).Split('\n');

        Assert.Equal(line, string.Join('\n', lines[1..^4]));
    }

    [Theory]
    [InlineData("Thread", 32)]
    [InlineData("Type", 43)]
    [InlineData("Activity", 55)]
    [InlineData("PID", 76)]
    [InlineData("TTL", 83)]
    public void DefaultColumnsStartUnderTheirHeading(string heading, int column)
    {
        // The real header places each heading at the column where log starts that field; check the real lines agree,
        // then that our lines start every field there even for the widest values in the oracles (0x24ee6b, 36329).
        Assert.Equal(column, Oracle.DefaultHeader.IndexOf(heading, StringComparison.Ordinal));
        var (_, entry) = DefaultCase(nameof(Oracle.DefaultMultiLine));
        var ours = WrittenOutput.Of(LogOutputStyle.Default, entry).Split('\n')[1];
        foreach (var line in new[] { Oracle.DefaultInfo, Oracle.DefaultDecorated, Oracle.DefaultInActivity, Oracle.DefaultErrorWithTtl, ours })
        {
            Assert.Equal(' ', line[column - 1]);
            Assert.NotEqual(' ', line[column]);
        }
    }

    [Fact]
    public void MessageStartsAtColumn88WhateverTheTtl()
    {
        // log prints a TTL (days to keep the entry) that our entries do not carry: we print 0 in the same 5 columns.
        var entry = new LogEntry("An error occurred!")
        {
            Timestamp = Time("2023-10-14 17:53:54.688700+0800"),
            ThreadId = 0x1e2cd,
            Level = LogLevel.Error,
            EventType = LogEventType.LogEvent,
            ActivityIdentifier = 0,
            ProcessId = 4004,
            Process = "ImagePreview",
            Subsystem = "com.simon",
            Category = "launch",
        };

        var line = WrittenOutput.Of(LogOutputStyle.Default, entry).Split('\n')[1];

        Assert.Equal(Oracle.DefaultErrorWithTtl[..83], line[..83]);
        Assert.Equal("0    ", line[83..88]);
        Assert.Equal(Oracle.DefaultErrorWithTtl[88..], line[DefaultEntryWriter.MessageColumn..]);
    }

    [Fact]
    public void ActivityLineFromTheTypeColumnOnIsWhatLogPrinted()
    {
        var entry = new LogEntry("Closing a node reference")
        {
            Timestamp = Time("2024-12-12 21:45:11.346000+0100"),
            ThreadId = 0x76d4,
            EventType = LogEventType.ActivityCreateEvent,
            ActivityIdentifier = 0x13a74,
            ProcessId = 1621,
            Process = "dscl",
            Sender = "CFOpenDirectory",
        };

        var line = WrittenOutput.Of(LogOutputStyle.Default, entry).Split('\n')[1];

        Assert.Equal(Oracle.DefaultActivityFromTypeColumn, line[43..]);
    }

    [Fact]
    public void FooterCountsLevelsInLogsColumns()
    {
        var entries = Enumerable.Range(0, 776).Select(_ => Level(LogLevel.Default))
            .Concat(Enumerable.Range(0, 251).Select(_ => Level(LogLevel.Error))).ToArray();

        var lines = WrittenOutput.Of(LogOutputStyle.Default, entries).Split('\n');

        Assert.Equal(Oracle.FooterRule, lines[^4]);
        Assert.Equal(Oracle.FooterLogCounts, lines[^3]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void FooterCountsActivitiesApartFromLevels()
    {
        var entries = new[] { Level(LogLevel.Default) }
            .Concat(Enumerable.Range(0, 5).Select(_ => Level(LogLevel.Info)))
            .Concat(Enumerable.Range(0, 5).Select(_ => new LogEntry("a") { EventType = LogEventType.ActivityCreateEvent })).ToArray();

        var lines = WrittenOutput.Of(LogOutputStyle.Default, entries).Split('\n');

        Assert.Equal(Oracle.FooterLogWithInfo, lines[^3]);
        Assert.Equal(Oracle.FooterActivities, lines[^2]);
    }

    [Fact]
    public void DefaultOutputOfNothingIsHeaderRuleAndZeroSummary() =>
        Assert.Equal(Oracle.DefaultEmpty, WrittenOutput.Of(LogOutputStyle.Default));

    [Theory]
    [InlineData(nameof(Oracle.CompactInfo))]
    [InlineData(nameof(Oracle.CompactDefault))]
    [InlineData(nameof(Oracle.CompactError))]
    [InlineData(nameof(Oracle.CompactErrorSubsystem))]
    [InlineData(nameof(Oracle.CompactSpacedProcess))]
    public void CompactLineIsByteForByteWhatLogPrinted(string name)
    {
        var (line, entry) = CompactCase(name);

        var lines = WrittenOutput.Of(LogOutputStyle.Compact, entry).Split('\n');

        Assert.Equal([Oracle.CompactHeader, line, ""], lines);
    }

    [Theory]
    [InlineData(nameof(Oracle.SyslogKernel))]
    [InlineData(nameof(Oracle.SyslogNegativeOffset))]
    public void SyslogLineIsByteForByteWhatLogPrinted(string name)
    {
        var line = name == nameof(Oracle.SyslogKernel) ? Oracle.SyslogKernel : Oracle.SyslogNegativeOffset;
        var entry = new LogEntry(line[(line.IndexOf(") ", StringComparison.Ordinal) + 2)..])
        {
            Timestamp = Time(line[..31]),
            Process = "kernel",
            ProcessId = 0,
            Sender = line[(line.IndexOf(": (", StringComparison.Ordinal) + 3)..line.IndexOf(") ", StringComparison.Ordinal)],
            Level = LogLevel.Default,
            EventType = LogEventType.LogEvent,
        };

        var lines = WrittenOutput.Of(LogOutputStyle.Syslog, entry).Split('\n');

        Assert.Equal([Oracle.SyslogHeader, line, ""], lines);
    }

    /// <summary>
    /// Every level and event type: the compact code (columns 24–25) and the default Type word (columns 43–54). Df, I, E
    /// have real compact lines above; Db, F, A, S follow log's one- or two-letter pattern but no real line was at hand.
    /// </summary>
    [Theory]
    [InlineData(LogLevel.Default, LogEventType.LogEvent, "Df", "Default")]
    [InlineData(LogLevel.Info, LogEventType.LogEvent, "I ", "Info")]
    [InlineData(LogLevel.Debug, LogEventType.LogEvent, "Db", "Debug")]
    [InlineData(LogLevel.Error, LogEventType.LogEvent, "E ", "Error")]
    [InlineData(LogLevel.Fault, LogEventType.LogEvent, "F ", "Fault")]
    [InlineData(LogLevel.Unknown, LogEventType.Unknown, "Df", "Default")]
    [InlineData(LogLevel.Unknown, LogEventType.ActivityCreateEvent, "A ", "Activity")]
    [InlineData(LogLevel.Unknown, LogEventType.ActivityTransitionEvent, "A ", "Activity")]
    [InlineData(LogLevel.Unknown, LogEventType.UserActionEvent, "A ", "UserAction")]
    [InlineData(LogLevel.Unknown, LogEventType.SignpostEvent, "S ", "Signpost")]
    [InlineData(LogLevel.Unknown, LogEventType.StateEvent, "Df", "State")]
    [InlineData(LogLevel.Unknown, LogEventType.LossEvent, "Df", "Loss")]
    [InlineData(LogLevel.Unknown, LogEventType.TimesyncEvent, "Df", "Timesync")]
    [InlineData(LogLevel.Unknown, LogEventType.TraceEvent, "Df", "Trace")]
    public void EveryTypeHasItsCodeAndWord(LogLevel level, LogEventType type, string code, string word)
    {
        var entry = new LogEntry("m") { Timestamp = Time("2025-10-28 18:27:47.401604+0800"), Level = level, EventType = type, Process = "p" };

        var compact = WrittenOutput.Of(LogOutputStyle.Compact, entry).Split('\n')[1];
        var full = WrittenOutput.Of(LogOutputStyle.Default, entry).Split('\n')[1];

        Assert.Equal(code, compact[24..26]);
        Assert.Equal(' ', compact[26]);
        Assert.Equal(word.PadRight(12), full[43..55]);
    }

    [Theory]
    [InlineData(LogOutputStyle.Default)]
    [InlineData(LogOutputStyle.Compact)]
    [InlineData(LogOutputStyle.Syslog)]
    public void ContinuationLinesArePrintedAsTheyAre(LogOutputStyle style)
    {
        var (_, entry) = DefaultCase(nameof(Oracle.DefaultMultiLine));
        var continuation = Oracle.DefaultMultiLine.Split('\n')[1..];

        var lines = WrittenOutput.Of(style, entry).Split('\n');

        Assert.Equal(continuation, lines[2..(2 + continuation.Length)]);
    }

    /// <summary>
    /// What each style carries comes back through our readers. (A message that itself starts with <c>[a:b]</c> and has
    /// no subsystem, like <see cref="LogShowOracleLines.DefaultMultiLine"/>, cannot: log prints it like a subsystem.)
    /// </summary>
    [Theory]
    [InlineData(LogOutputStyle.Default)]
    [InlineData(LogOutputStyle.Compact)]
    [InlineData(LogOutputStyle.Syslog)]
    [InlineData(LogOutputStyle.Ndjson)]
    [InlineData(LogOutputStyle.Json)]
    public void OracleEntriesReadBackFromEveryStyle(LogOutputStyle style)
    {
        LogEntry[] written =
        [
            DefaultCase(nameof(Oracle.DefaultInfo)).Entry,
            DefaultCase(nameof(Oracle.DefaultDecorated)).Entry,
            DefaultCase(nameof(Oracle.DefaultInActivity)).Entry,
            Entry("2026-03-13 23:39:25.371181+0300", 0x24ee6b, LogLevel.Fault, 0, 36329, "SecureBrowserBot", null, null, null,
                "Traceback:\n" + string.Join('\n', Oracle.DefaultMultiLine.Split('\n')[1..])),
            CompactCase(nameof(Oracle.CompactError)).Entry,
            CompactCase(nameof(Oracle.CompactSpacedProcess)).Entry,
        ];

        var read = LogSources.FromText(WrittenOutput.Of(style, written), "round-trip").ReadEntries().ToList();

        Assert.Equal(written.Length, read.Count);
        for (var i = 0; i < written.Length; i++)
        {
            Assert.Equal(written[i].EventMessage, read[i].EventMessage);
            Assert.Equal(written[i].Process, read[i].Process);
            Assert.Equal(written[i].ProcessId, read[i].ProcessId);
            Assert.Equal(written[i].Sender, read[i].Sender);
            Assert.Equal(written[i].Subsystem, read[i].Subsystem);
            Assert.Equal(written[i].Category, read[i].Category);
            var millisecond = style == LogOutputStyle.Compact ? TimeSpan.TicksPerMillisecond : 10;
            Assert.Equal(written[i].Timestamp!.Value.Local.Ticks / millisecond, read[i].Timestamp!.Value.Local.Ticks / millisecond);
            if (style != LogOutputStyle.Syslog)
            {
                Assert.Equal(written[i].ThreadId, read[i].ThreadId);
            }

            if (style is not LogOutputStyle.Syslog and not LogOutputStyle.Compact)
            {
                Assert.Equal(written[i].Level, read[i].Level);
                Assert.Equal(written[i].ActivityIdentifier ?? 0, read[i].ActivityIdentifier ?? 0);
            }
        }
    }

    [Theory]
    [InlineData(LogLevel.Default)]
    [InlineData(LogLevel.Debug)]
    [InlineData(LogLevel.Error)]
    [InlineData(LogLevel.Fault)]
    public void CompactLevelsReadBack(LogLevel level)
    {
        var written = Level(level);

        var read = LogSources.FromText(WrittenOutput.Of(LogOutputStyle.Compact, written), "compact").ReadEntries().Single();

        Assert.Equal(level, read.Level);
    }

    [Fact]
    public void CompactInfoReadsBackAsInfo()
    {
        var read = LogSources.FromText(WrittenOutput.Of(LogOutputStyle.Compact, Level(LogLevel.Info)), "compact").ReadEntries().Single();

        Assert.Equal(LogLevel.Info, read.Level);
    }

    [Theory]
    [InlineData(LogEventType.ActivityCreateEvent)]
    [InlineData(LogEventType.SignpostEvent)]
    [InlineData(LogEventType.StateEvent)]
    [InlineData(LogEventType.LossEvent)]
    [InlineData(LogEventType.UserActionEvent)]
    public void DefaultEventTypesReadBack(LogEventType type)
    {
        var written = new LogEntry("event") { Timestamp = Time("2025-10-28 18:27:47.401604+0800"), EventType = type, Process = "p", ProcessId = 1, ThreadId = 2 };

        var read = LogSources.FromText(WrittenOutput.Of(LogOutputStyle.Default, written), "default").ReadEntries().Single();

        Assert.Equal(type, read.EventType);
        Assert.Equal("event", read.EventMessage);
    }

    private static LogEntry Level(LogLevel level) => new("m")
    {
        Timestamp = Time("2025-10-28 18:27:47.401604+0800"),
        Level = level,
        EventType = LogEventType.LogEvent,
        Process = "p",
        ProcessId = 7,
        ThreadId = 0x2d1f4,
    };

    /// <summary>A real default-style line and the entry its fields describe.</summary>
    private static (string Line, LogEntry Entry) DefaultCase(string name) => name switch
    {
        nameof(Oracle.DefaultInfo) => (Oracle.DefaultInfo, Entry("2026-01-25 23:03:22.041859+0200", 0x150d23a, LogLevel.Info, 0, 6103, "logger", null, null, null,
            "vmnet-broker: Downloading vmnet-broker latest")),
        nameof(Oracle.DefaultDefault) => (Oracle.DefaultDefault, Entry("2026-01-25 23:03:22.939421+0200", 0x150d2eb, LogLevel.Default, 0, 6161, "logger", null, null, null,
            "vmnet-broker: Install completed")),
        nameof(Oracle.DefaultDecorated) => (Oracle.DefaultDecorated, Entry("2023-07-19 08:22:51.916784+0300", 0x3058, LogLevel.Info, 0, 599, "remotepairingd", "RemotePairing",
            "com.apple.dt.remotepairing", "networktunnelmanager", "tunnel-1: Tunnel established for interface: utun3, local fd41:8efc:c0f8::2 -> fd41:8efc:c0f8::1")),
        nameof(Oracle.DefaultInActivity) => (Oracle.DefaultInActivity, Entry("2024-12-12 21:45:11.346143+0100", 0x76d4, LogLevel.Info, 0x13a74, 119, "opendirectoryd", null,
            "com.apple.opendirectoryd", "session", "PID: 1621, Client: 'dscl', exited with 0 session(s), 0 node(s) and 0 active request(s)")),
        nameof(Oracle.DefaultMultiLine) => (Oracle.DefaultMultiLine, Entry("2026-03-13 23:39:25.371181+0300", 0x24ee6b, LogLevel.Default, 0, 36329, "SecureBrowserBot", null, null, null,
            "[PYI-36329:ERROR] Traceback:\n" + string.Join('\n', Oracle.DefaultMultiLine.Split('\n')[1..]))),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>A real compact line and the entry its fields describe (the compact style prints milliseconds only).</summary>
    private static (string Line, LogEntry Entry) CompactCase(string name) => name switch
    {
        nameof(Oracle.CompactInfo) => (Oracle.CompactInfo, Entry("2026-09-17 13:31:53.990000+0000", 0x9b19a, LogLevel.Info, 0, 373, "amfid", null, null, null,
            "Entering OSX path for <app>/Contents/Extensions/LivepaperExtension.appex/Contents/MacOS/LivepaperExtension")),
        nameof(Oracle.CompactDefault) => (Oracle.CompactDefault, Entry("2026-09-22 02:11:02.442000+0000", 0x8c8, LogLevel.Default, 0, 0, "kernel", "IOUSBHostFamily", null, null,
            "usb-drd2-port-hs@02100000: AppleUSBHostPort::createDevice: failed to create device (0xe00002bc)")),
        nameof(Oracle.CompactError) => (Oracle.CompactError, Entry("2026-09-22 02:11:02.452000+0000", 0x3e32d, LogLevel.Error, 0, 0, "kernel", "IOUSBHostFamily", null, null,
            "AppleUSBIORequest: AppleUSBIORequest::complete: device 1 (XBOX 360 For Windows Controller@02100000) endpoint 0x82: status 0xe00002ed (transaction error): 0 bytes transferred")),
        nameof(Oracle.CompactErrorSubsystem) => (Oracle.CompactErrorSubsystem, Entry("2025-01-25 22:47:00.906000+0000", 0x149bd, LogLevel.Error, 0, 11687, "xcodebuild", null,
            "com.apple.launchservices", "default", "LaunchServices: disconnect event interruption received for service com.apple.lsd.modifydb")),
        nameof(Oracle.CompactSpacedProcess) => (Oracle.CompactSpacedProcess, Entry("2026-08-15 14:21:36.400000+0000", 0x433ee4, LogLevel.Default, 0, 25670, "Talaria 27", null,
            "org.aethyrion.talaria27", "app", "createReminder due raw=\"\" parsed=nil")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static LogEntry Entry(string time, long thread, LogLevel level, ulong activity, int pid, string process, string? sender, string? subsystem, string? category,
        string message) => new(message)
        {
            Timestamp = Time(time),
            ThreadId = thread,
            Level = level,
            EventType = LogEventType.LogEvent,
            ActivityIdentifier = activity,
            ProcessId = pid,
            Process = process,
            ProcessImagePath = "/usr/libexec/" + process,
            Sender = sender,
            SenderImagePath = sender is null ? null : "/System/Library/Frameworks/" + sender + ".framework/" + sender,
            Subsystem = subsystem,
            Category = category,
        };

    /// <summary>Parses <c>2026-01-25 23:03:22.041859+0200</c> with the BCL (not our readers).</summary>
    private static LogTimestamp Time(string text)
    {
        var local = DateTime.ParseExact(text[..26], "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        var sign = text[26] == '-' ? -1 : 1;
        var offset = TimeSpan.FromMinutes(sign * ((int.Parse(text.AsSpan(27, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(text.AsSpan(29, 2), CultureInfo.InvariantCulture)));
        return new LogTimestamp(local, offset);
    }
}
