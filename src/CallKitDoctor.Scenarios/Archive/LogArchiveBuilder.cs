using System.Globalization;
using System.Text;
using CallKitDoctor.Scenarios.Composition;
using CallKitDoctor.Scenarios.Strings;
using CallKitDoctor.Scenarios.Time;
using CallKitDoctor.Scenarios.Tracev3;

namespace CallKitDoctor.Scenarios.Archive;

/// <summary>
/// Builds the files of a <c>.logarchive</c> for a scenario: <c>Persist/*.tracev3</c> with every line,
/// <c>timesync/*.timesync</c> for its boot, a uuidtext file (<c>XX/REST</c>) per main executable holding its format
/// strings, the shared-cache strings file (<c>dsc/UUID</c>) for the frameworks, and <c>Info.plist</c>.
/// </summary>
public static class LogArchiveBuilder
{
    /// <summary>The logarchive's files, paths relative to its root.</summary>
    public static IReadOnlyList<ArchiveFile> Build(CallScenario scenario)
    {
        var lines = ScenarioComposer.Compose(scenario);
        var device = scenario.Device;
        var first = lines.Count > 0 ? lines.Min(static l => l.Time) : scenario.CaptureTime ?? DateTimeOffset.UnixEpoch;
        var bootTime = TruncateToSecond(first - device.UptimeAtFirstLine);
        var clock = new MachClock(bootTime);

        var dsc = new DscWriter(NameUuid.From($"{scenario.Name}/dsc/{device.BuildVersion}"));
        var records = new ScenarioRecordBuilder(scenario.Name, scenario.App, dsc);
        var firstMach = lines.Count > 0 ? clock.ToMachTime(first) : 0;
        var trace = new Tracev3Writer(clock.FileStartedAt(firstMach, device));

        foreach (var line in lines)
        {
            trace.Add(records.Record(line, clock.ToMachTime(line.Time)));
        }

        var timesync = new TimesyncWriter()
            .Boot(device.BootUuid, MachClock.Numerator, MachClock.Denominator, MachClock.UnixNanoseconds(bootTime), device.MinutesWest, device.DaylightSavings)
            .Sync(0, MachClock.UnixNanoseconds(bootTime), device.MinutesWest, device.DaylightSavings);
        if (firstMach > 3)
        {
            // A second sync record shortly before the first line (on a multiple of 3 ticks: exact nanoseconds).
            var syncMach = firstMach - 3 - (firstMach % 3);
            timesync.Sync(syncMach, clock.ToUnixNanoseconds(syncMach), device.MinutesWest, device.DaylightSavings);
        }

        var files = new List<ArchiveFile>
        {
            new("Info.plist", Encoding.UTF8.GetBytes(InfoPlist(device, lines.Count > 0 ? lines.Max(static l => l.Time) : bootTime))),
            new("Persist/0000000000000001.tracev3", trace.ToArray()),
            new("timesync/0000000000000001.timesync", timesync.ToArray()),
            new(dsc.RelativePath.Replace('\\', '/'), dsc.ToArray()),
        };
        foreach (var main in records.MainExecutables)
        {
            files.Add(new ArchiveFile(main.RelativePath.Replace('\\', '/'), main.ToArray()));
        }

        return files;
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string InfoPlist(DeviceProfile device, DateTimeOffset end) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        	<key>ArchiveIdentifier</key>
        	<string>{NameUuid.From("archive/" + device.BootUuid).ToString().ToUpperInvariant()}</string>
        	<key>OSArchiveVersion</key>
        	<integer>5</integer>
        	<key>EndTimeRef</key>
        	<dict>
        		<key>BootUUID</key>
        		<string>{device.BootUuid.ToString().ToUpperInvariant()}</string>
        		<key>WallTime</key>
        		<string>{end.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}</string>
        	</dict>
        </dict>
        </plist>

        """;
}
