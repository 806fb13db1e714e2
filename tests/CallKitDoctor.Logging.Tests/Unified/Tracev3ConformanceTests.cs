using System.Globalization;
using System.Text.Json;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Tracev3;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified;

public class Tracev3ConformanceTests
{
    private static string Tracev3(string name) => SharedData.PathOf("testdata", "unified_logging", name)!;

    private static string Reference(string name) => SharedData.PathOf("testdata", "reference", name)!;

    private static string Uuid(Guid g) => g == Guid.Empty ? "" : g.ToString("D").ToUpperInvariant();

    /// <summary>An event projected onto the fields dtformats prints.</summary>
    private static Dictionary<string, string> Project(in TraceEvent e, TraceHeader header)
    {
        var ns = header.FallbackUnixNanoseconds(e.MachTime);
        var time = DateTime.UnixEpoch.AddTicks(ns / 100);
        return new Dictionary<string, string>
        {
            ["eventType"] = UnifiedEntryMapping.ToEventType(e).ToNdjsonName(),
            ["messageType"] = UnifiedEntryMapping.ToLevel(e).ToNdjsonName(),
            ["traceID"] = e.TraceId.ToString(CultureInfo.InvariantCulture),
            ["threadID"] = e.ThreadId.ToString(CultureInfo.InvariantCulture),
            ["processID"] = e.ProcessId.ToString(CultureInfo.InvariantCulture),
            ["activityIdentifier"] = e.ActivityId.ToString(CultureInfo.InvariantCulture),
            ["subsystem"] = e.Subsystem?.Subsystem ?? "",
            ["category"] = e.Subsystem?.Category ?? "",
            ["machTimestamp"] = e.MachTime.ToString(CultureInfo.InvariantCulture),
            ["bootUUID"] = Uuid(header.BootUuid),
            ["senderImageUUID"] = Uuid(e.Kind == TraceEventKind.StateDump ? e.DumpUuid : e.SenderImageUuid),
            ["senderProgramCounter"] = e.SenderProgramCounter.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "Z",
        };
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => "",
    };

    [SkippableTheory]
    [InlineData("0000000000000030.tracev3", 5)]
    [InlineData("0000000000000f85.tracev3", 8654)]
    public void EveryEventMatchesDtformats(string name, int expectedCount)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var expected = File.ReadLines(Reference(name + ".dtformats.ndjson")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(expectedCount, expected.Count);

        using var reader = Tracev3Reader.Open(Tracev3(name));
        var actual = new List<Dictionary<string, string>>();
        while (reader.MoveNext())
        {
            actual.Add(Project(reader.Current, reader.Header!));
        }

        Assert.Empty(reader.Errors.Errors);
        Assert.Equal(expected.Count, actual.Count);

        // dtformats prints entries sorted by mach time; (mach time, thread, traceID) is unique in these files.
        static string Key(string mach, string thread, string trace) => $"{mach}/{thread}/{trace}";
        var byKey = actual.ToDictionary(a => Key(a["machTimestamp"], a["threadID"], a["traceID"]));
        Assert.Equal(actual.Count, byKey.Count);
        var mismatches = new List<string>();
        for (var i = 0; i < expected.Count && mismatches.Count < 20; i++)
        {
            var e = expected[i];
            var key = Key(Text(e.GetProperty("machTimestamp")), Text(e.GetProperty("threadID")), Text(e.GetProperty("traceID")));
            if (!byKey.TryGetValue(key, out var mine))
            {
                mismatches.Add($"entry {i} ({key}) not read");
                continue;
            }

            foreach (var (field, value) in mine)
            {
                var want = Text(e.GetProperty(field));
                if (want != value)
                {
                    mismatches.Add($"entry {i} {field}: expected '{want}', got '{value}'");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [SkippableFact]
    public void F85ChunkAndLevelCountsMatchTheReference()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        using var reader = Tracev3Reader.Open(Tracev3("0000000000000f85.tracev3"));
        var levels = new Dictionary<LogLevel, int>();
        while (reader.MoveNext())
        {
            if (reader.Current.Kind == TraceEventKind.Log)
            {
                var level = UnifiedEntryMapping.ToLevel(reader.Current);
                levels[level] = levels.GetValueOrDefault(level) + 1;
            }
        }

        var s = reader.Statistics;
        Assert.Equal(1, s.HeaderChunks);
        Assert.Equal(6, s.CatalogChunks);
        Assert.Equal(345, s.FirehoseChunks);
        Assert.Equal(30, s.OversizeChunks);
        Assert.Equal(496, s.StateDumpChunks);
        Assert.Equal(0, s.SimpleDumpChunks);
        Assert.Equal(8158, s.Events(TraceEventKind.Log));
        Assert.Equal(496, s.Events(TraceEventKind.StateDump));
        Assert.Equal(7187, levels[LogLevel.Default]);
        Assert.Equal(485, levels[LogLevel.Debug]);
        Assert.Equal(368, levels[LogLevel.Info]);
        Assert.Equal(92, levels[LogLevel.Error]);
        Assert.Equal(26, levels[LogLevel.Fault]);
    }

    [SkippableTheory]
    [InlineData("0000000000000030")]
    [InlineData("0000000000000f85")]
    public void HeaderAndCatalogsMatchTheStructureDump(string name)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var lines = File.ReadAllLines(Reference($"tracev3-{name}.structure.txt"));
        using var reader = Tracev3Reader.Open(Tracev3(name + ".tracev3"));
        reader.ReadToEnd();
        var h = reader.Header!;
        var dump = new List<string>
        {
            $"HEADER build={h.BuildVersion} hw={h.HardwareModel} boot={h.BootUuid:N} tz={h.TimeZonePath} timebase={h.Timebase} continuous={h.ContinuousTime} bias_min={(uint)h.TimeZoneOffsetMinutes}",
        };
        for (var i = 0; i < reader.Catalogs.Count; i++)
        {
            var c = reader.Catalogs[i];
            dump.Add($"CATALOG {i} uuids={c.Uuids.Count} procs={c.Processes.Count} subchunks={c.Subchunks.Count}");
            dump.AddRange(c.Uuids.Select(u => $"  UUID {u:N}"));
            dump.AddRange(c.Processes.Select(p =>
                $"  PROC pid={p.ProcessId} proc_id={p.FirstProcId}@{p.SecondProcId} euid={p.EffectiveUserId} main={p.MainUuid:N} dsc={p.DscUuid:N} uuid_entries={p.Images.Count} subsystems={p.Subsystems.Count}"));
        }

        // The reference adds per-catalog chunk counts mandiant derives; compare the fields both print.
        var expected = lines.Where(l => !l.StartsWith("OVERSIZE", StringComparison.Ordinal))
            .Select(l => l.StartsWith("CATALOG", StringComparison.Ordinal) ? string.Join(' ', l.Split(' ').Take(5)) : l)
            .ToList();
        Assert.Equal(expected, dump.Select(l => l.ToUpperInvariant().Replace("HEADER BUILD", "HEADER build", StringComparison.Ordinal)).ToList(), StringComparer.OrdinalIgnoreCase);
    }
}
