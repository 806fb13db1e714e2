using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using CallKitDoctor.Logging.Tests.Unified;

namespace CallKitDoctor.Logging.Tests.Archives;

/// <summary>
/// The members of a small sysdiagnose: a logarchive (Persist and Special tracev3 files, uuidtext, timesync), a stale
/// IN_PROGRESS_ copy with a different log, SystemVersion.plist, a crash report and an AVConference file, written as a
/// folder, a tar.gz or a zip.
/// </summary>
internal static class SysdiagnoseImage
{
    public const string Top = "sysdiagnose_2025.10.28_18-28-20_0800_iPhone-OS_iPhone_23A355";
    public const string LogArchive = Top + "/system_logs.logarchive";
    public const string Stale = "IN_PROGRESS_" + Top + "/system_logs.logarchive";
    public const long WallAtZero = 1_761_600_000_000_000_000;

    /// <summary>Log entries in the chosen logarchive: 3 in Persist (2 logs, 1 state dump) and 1 in Special.</summary>
    public const int LogEntries = 4;

    /// <summary>Entries of the crash report (exception and termination).</summary>
    public const int CrashEntries = 2;

    /// <summary>Entries of the AVConference call dump (three timed lines, one with a continuation line).</summary>
    public const int ConferenceEntries = 3;

    /// <summary>Every entry the sysdiagnose yields: log, crash report, AVConference dump.</summary>
    public const int AllEntries = LogEntries + CrashEntries + ConferenceEntries;

    public const string CallDumpName = "avconferenced-20251028-182751-CallSettings.calldump.gz";

    /// <summary>An AVConference call dump's text (times of day, one continuation line, one error).</summary>
    public const string CallDump =
        "182751.102455 CallSettings callID=1 audioSessionID=0x1c4ab2 mode=VoiceChat\n" +
        "182751.102600 audio codec=AAC-ELD sampleRate=24000\n" +
        "    packetsPerBundle=1\n" +
        "182751.171000 error: audio session activation failed (561017449)\n";

    public const string SystemVersionPlist = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        	<key>BuildID</key>
        	<string>0F3C2E1A-0000-11F0-9C2B-5F1A1B2C3D4E</string>
        	<key>ProductBuildVersion</key>
        	<string>23A355</string>
        	<key>ProductCopyright</key>
        	<string>1983-2025 Apple Inc.</string>
        	<key>ProductName</key>
        	<string>iPhone OS</string>
        	<key>ProductVersion</key>
        	<string>26.0.1</string>
        </dict>
        </plist>
        """;

    public const string CrashReport =
        "{\"app_name\":\"VoipApp\",\"timestamp\":\"2025-10-28 18:20:00.00 +0800\",\"bug_type\":\"309\",\"os_version\":\"iPhone OS 26.0.1 (23A355)\",\"name\":\"VoipApp\"}\n" +
        "{\"procName\":\"VoipApp\",\"pid\":812,\"modelCode\":\"iPhone17,1\",\"captureTime\":\"2025-10-28 18:20:00.1000 +0800\"," +
        "\"exception\":{\"type\":\"EXC_CRASH\",\"signal\":\"SIGKILL\"}," +
        "\"termination\":{\"code\":3131951633,\"namespace\":\"FRONTBOARD\",\"reasons\":[\"<RBSTerminateContext| domain:10 code:0xBAADCA11>\"]}}\n";

    /// <summary>Every member as (path, bytes), in the order a tar would hold them.</summary>
    public static List<(string Path, byte[] Data)> Members(bool withStale = true)
    {
        var uuid = Tracev3Image.MainUuid.ToString("N").ToUpperInvariant();
        var strings = StringFileTests.BuildUuidText("/usr/libexec/callservicesd", (0x1234, ["Call %{public}s started"]), (0x1300, ["Failed: %s"]));
        var timesync = TimesyncTests.BootRecord(Tracev3Image.Boot, 125, 3, WallAtZero).Append(TimesyncTests.SyncRecord(0, WallAtZero)).ToArray();
        var members = new List<(string, byte[])>();
        if (withStale)
        {
            members.Add(($"{Stale}/Persist/0000000000000009.tracev3", OneEntryFile(0x1300, 900)));
        }

        members.Add(($"{LogArchive}/Persist/0000000000000001.tracev3", Tracev3Image.File(Tracev3Image.Lz4(Tracev3Image.SampleContent()))));
        members.Add(($"{LogArchive}/Special/0000000000000002.tracev3", OneEntryFile(0x1234, 4000)));
        members.Add(($"{LogArchive}/{uuid[..2]}/{uuid[2..]}", strings));
        members.Add(($"{LogArchive}/timesync/0000000000000001.timesync", timesync));
        members.Add(($"{Top}/logs/SystemVersion/SystemVersion.plist", Encoding.UTF8.GetBytes(SystemVersionPlist)));
        members.Add(($"{Top}/crashes_and_spins/VoipApp-2025-10-28-182000.ips", Encoding.UTF8.GetBytes(CrashReport)));
        members.Add(($"{Top}/logs/AVConference/{CallDumpName}", Gzip(CallDump)));
        members.Add(($"{Top}/logs/AVConference/settings.plist", Encoding.UTF8.GetBytes("<plist/>\n")));
        members.Add(($"{Top}/logs/Other/unrelated.txt", Encoding.UTF8.GetBytes("not needed\n")));
        return members;
    }

    /// <summary>A tracev3 file with one log tracepoint.</summary>
    public static byte[] OneEntryFile(uint format, uint delta) =>
        Tracev3Image.File(Tracev3Image.Uncompressed(Tracev3Image.ChunksetContent(
            (0x6001, Tracev3Image.Firehose(Tracev3Image.LogTracepoint(0x00, format, 50, delta, 80, 0x4000))))));

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    public static void WriteFolder(string root, IEnumerable<(string Path, byte[] Data)> members)
    {
        foreach (var (path, data) in members)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, data);
        }
    }

    public static void WriteTarGz(string file, IEnumerable<(string Path, byte[] Data)> members)
    {
        using var output = File.Create(file);
        using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        WriteTar(gzip, members);
    }

    public static void WriteTar(Stream stream, IEnumerable<(string Path, byte[] Data)> members)
    {
        using var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, data) in members)
        {
            var folder = Path.GetDirectoryName(path)!.Replace('\\', '/');
            if (folders.Add(folder))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, folder + "/"));
            }

            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(data) });
        }
    }

    public static void WriteZip(string file, IEnumerable<(string Path, byte[] Data)> members)
    {
        using var zip = ZipFile.Open(file, ZipArchiveMode.Create);
        foreach (var (path, data) in members)
        {
            using var entry = zip.CreateEntry(path).Open();
            entry.Write(data);
        }
    }
}
