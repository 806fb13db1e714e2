using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using CallKitDoctor.Scenarios.Archive;
using CallKitDoctor.Scenarios.Composition;
using CallKitDoctor.Scenarios.Strings;
using CallKitDoctor.Scenarios.Time;
using CallKitDoctor.Scenarios.Tracev3;

namespace CallKitDoctor.Benchmarks.Sysdiagnose;

/// <summary>
/// <c>generate-sysdiagnose OUT SIZE_MB</c>: writes a sysdiagnose-shaped <c>.tar.gz</c> of at least SIZE_MB compressed
/// megabytes for whole-process benchmarks. The logarchive holds Persist, Special, Signpost and HighVolume stores and a
/// live-data file, each covering its own window before the capture, filled with the chatter of many processes (thousands
/// of distinct format strings in uuidtext and dsc files, varied arguments) around a handful of call flows: the seed's
/// production flow at its own time, the same flow a day earlier, and the lab flow two hours before the capture. Members
/// a diagnosis never reads (tailspins, text logs) make up the rest of the size, as in a real sysdiagnose. The same
/// arguments give the same archive.
/// </summary>
internal static class BigSysdiagnoseGenerator
{
    private const long MiB = 1024 * 1024;
    private const long NoiseMemberBytes = 4 * MiB;

    public static int Run(string output, int sizeMb)
    {
        var target = sizeMb * MiB;
        var production = SeedScenarios.Production();
        var device = production.Device;
        var capture = production.CaptureTime!.Value;
        var boot = new DateTimeOffset((capture - TimeSpan.FromDays(8)).UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var clock = new MachClock(boot);
        var random = new Random(20251023);
        var dsc = new DscWriter(NameUuid.From("bench/dsc/" + device.BuildVersion));
        var noise = new NoiseCatalog(random, dsc, processes: 160, formatsPerProcess: 24, frameworks: 48, formatsPerFramework: 40);
        var flowBuilder = new ScenarioRecordBuilder("bench", production.App, dsc);
        var flows = FlowLines(production, capture).Select(l => flowBuilder.Record(l, clock.ToMachTime(l.Time))).OrderBy(r => r.MachTime).ToList();

        var root = SysdiagnoseBuilder.FolderName(production);
        var logArchive = root + "/system_logs.logarchive";
        var partial = output + ".partial";
        var summary = new StringBuilder();
        long entries = 0;
        var fileNumber = 0;
        var bytesPerRecord = 60.0;
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
            using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
            {
                void Member(string path, byte[] data) =>
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { ModificationTime = capture, DataStream = new MemoryStream(data, writable: false) });

                // Some unread members before the log, as sysdiagnose packs them.
                var noiseIndex = 0;
                while (file.Length < target / 10)
                {
                    Member(NoisePath(root, noiseIndex), NoiseBytes(random, noiseIndex++));
                }

                foreach (var plan in Plans(target))
                {
                    var windowStart = clock.ToMachTime(capture - plan.Window);
                    var windowEnd = clock.ToMachTime(capture);
                    var span = (windowEnd - windowStart) / (ulong)plan.Files;
                    for (var i = 0; i < plan.Files; i++)
                    {
                        var start = windowStart + (span * (ulong)i);
                        var end = i == plan.Files - 1 ? windowEnd : start + span;
                        var writer = new Tracev3Writer(clock.FileStartedAt(start, device)) { FastCompression = true };
                        var count = (int)(plan.BytesPerFile / bytesPerRecord);
                        var step = Math.Max(1UL, (end - start) / (ulong)count);
                        for (var r = 0; r < count; r++)
                        {
                            writer.Add(noise.Next(random, start + (step * (ulong)r) + (ulong)random.NextInt64((long)step), plan.LogTypes));
                        }

                        if (plan.Folder == "Persist")
                        {
                            foreach (var record in flows.Where(f => f.MachTime >= start && f.MachTime < end))
                            {
                                writer.Add(record);
                            }
                        }

                        var bytes = writer.ToArray();
                        bytesPerRecord = (double)bytes.Length / writer.Count;
                        entries += writer.Count;
                        fileNumber++;
                        var name = plan.Folder.Length == 0 ? "logdata.LiveData.tracev3" : $"{plan.Folder}/{fileNumber:x16}.tracev3";
                        Member($"{logArchive}/{name}", bytes);
                        summary.AppendLine(CultureInfo.InvariantCulture, $"{name}\t{bytes.Length}\t{writer.Count}");
                    }
                }

                foreach (var uuidtext in noise.Uuidtexts.Concat(flowBuilder.MainExecutables))
                {
                    Member($"{logArchive}/{uuidtext.RelativePath.Replace('\\', '/')}", uuidtext.ToArray());
                }

                Member($"{logArchive}/{dsc.RelativePath.Replace('\\', '/')}", dsc.ToArray());
                Member($"{logArchive}/timesync/0000000000000001.timesync", Timesync(device, boot, clock, capture));
                Member($"{root}/logs/SystemVersion/SystemVersion.plist", Encoding.UTF8.GetBytes(SysdiagnoseBuilder.SystemVersionPlist(device)));

                while (file.Length < target)
                {
                    Member(NoisePath(root, noiseIndex), NoiseBytes(random, noiseIndex++));
                }
            }

            summary.Insert(0, string.Create(CultureInfo.InvariantCulture,
                $"archive\t{file.Length}\nentries\t{entries}\ncall-flow entries\t{flows.Count}\nprocesses\t160 + 4\nformat strings\t{noise.FormatCount + (48 * 40)}\n"));
        }

        File.Move(partial, output, overwrite: true);
        File.WriteAllText(output + ".txt", summary.ToString());
        Console.Write(summary.ToString());
        return 0;
    }

    /// <summary>The stores: about 72% of the archive is log, most of it in Persist (files of ~10.5 MB as logd writes them).</summary>
    private static List<StorePlan> Plans(long target)
    {
        const long persistFile = 10_500_000;
        var persistFiles = (int)Math.Max(1, Math.Round(target * 0.55 / persistFile));
        return
        [
            new("Persist", persistFiles, persistFile, TimeSpan.FromDays(4), [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x11]),
            new("Special", 3, (long)(target * 0.07 / 3), TimeSpan.FromDays(7), [0x00, 0x10, 0x10, 0x11]),
            new("Signpost", 2, (long)(target * 0.04 / 2), TimeSpan.FromDays(1), [0x00]),
            new("HighVolume", 2, (long)(target * 0.05 / 2), TimeSpan.FromHours(6), [0x01, 0x01, 0x00]),
            new(string.Empty, 1, (long)(target * 0.01), TimeSpan.FromMinutes(15), [0x01, 0x02, 0x02, 0x00]),
        ];
    }

    /// <summary>The seed's production flow at its time, again a day earlier, and the lab flow two hours before the capture.</summary>
    private static IEnumerable<ScenarioLine> FlowLines(CallScenario production, DateTimeOffset capture)
    {
        var lines = ScenarioComposer.Compose(production);
        var lab = ScenarioComposer.Compose(SeedScenarios.Lab());
        var labShift = capture - TimeSpan.FromHours(2) - lab[0].Time;
        return lines
            .Concat(lines.Select(l => l with { Time = l.Time - TimeSpan.FromHours(26) }))
            .Concat(lab.Select(l => l with { Time = l.Time + labShift }));
    }

    private static byte[] Timesync(DeviceProfile device, DateTimeOffset boot, MachClock clock, DateTimeOffset capture)
    {
        var writer = new TimesyncWriter()
            .Boot(device.BootUuid, MachClock.Numerator, MachClock.Denominator, MachClock.UnixNanoseconds(boot), device.MinutesWest, device.DaylightSavings)
            .Sync(0, MachClock.UnixNanoseconds(boot), device.MinutesWest, device.DaylightSavings);
        for (var at = boot + TimeSpan.FromHours(1); at < capture; at += TimeSpan.FromHours(1))
        {
            var mach = clock.ToMachTime(at);
            mach -= mach % 3;
            writer.Sync(mach, clock.ToUnixNanoseconds(mach), device.MinutesWest, device.DaylightSavings);
        }

        return writer.ToArray();
    }

    private static string NoisePath(string root, int index) => (index % 4) switch
    {
        0 => $"{root}/tailspins/sysdiagnose-{index:D4}.tailspin",
        1 => $"{root}/logs/powerlogs/powerlog_{index:D4}.PLSQL",
        2 => $"{root}/logs/MobileInstallation/mobile_installation.log.{index}",
        _ => $"{root}/WiFi/wifi-buf-{index:D4}.log",
    };

    /// <summary>Binary members are random (they do not compress, like tailspins and databases); text members repeat lines.</summary>
    private static byte[] NoiseBytes(Random random, int index)
    {
        var data = new byte[NoiseMemberBytes];
        if (index % 4 is 0 or 1)
        {
            random.NextBytes(data);
            return data;
        }

        var text = new StringBuilder((int)NoiseMemberBytes);
        var line = 0;
        while (text.Length < NoiseMemberBytes - 200)
        {
            text.Append(CultureInfo.InvariantCulture, $"2025-10-23 15:{line / 60 % 60:D2}:{line % 60:D2}.{random.Next(1_000_000):D6} <Notice>: entry {line} value {random.Next():x8} state {random.Next(16)}\n");
            line++;
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
