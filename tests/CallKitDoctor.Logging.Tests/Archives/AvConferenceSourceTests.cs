using System.Text;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Archives;

public sealed class AvConferenceSourceTests : IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly string _dir = Directory.CreateTempSubdirectory("ckd-avc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] data)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    private static (AvConferenceSource Source, List<LogEntry> Entries) Read(string path, TimeSpan? offset = null)
    {
        var source = new AvConferenceSource(path, "capture/" + Path.GetFileName(path), offset);
        return (source, source.ReadEntries().ToList());
    }

    [Theory]
    [InlineData("avconferenced-20251028-182751-CallSettings.calldump.gz", "2025-10-28 18:27:51", "CallSettings", true)]
    [InlineData("x-20240229-235959-Mediastats.calldump", "2024-02-29 23:59:59", "Mediastats", false)]
    [InlineData("20250101-000000-ViceroyTrace.log", "2025-01-01 00:00:00", "ViceroyTrace", false)]
    [InlineData("avconference.log", null, "avconference", false)]
    [InlineData("x-20251399-182751-CallSettings.calldump.gz", null, "CallSettings", true)]
    public void FileNamesGiveStartTimeAndKind(string name, string? started, string kind, bool compressed)
    {
        var parsed = AvConferenceFileName.Parse("/a/b/" + name);

        Assert.Equal(started, parsed.Started?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(compressed, parsed.Compressed);
    }

    [Theory]
    [InlineData("a-20251028-182751-CallSettings.calldump.gz", true)]
    [InlineData("a.calldump", true)]
    [InlineData("avconference.log", true)]
    [InlineData("notes.txt.gz", true)]
    [InlineData("settings.plist", false)]
    [InlineData("._a-20251028-182751-CallSettings.calldump.gz", false)]
    public void OnlyDumpsAndTextLogsAreRead(string name, bool readable) => Assert.Equal(readable, AvConferenceFileName.IsReadable(name));

    [Fact]
    public void ACallDumpGivesTimedEntriesWithContinuationsAndErrors()
    {
        var path = Write(SysdiagnoseImage.CallDumpName, SysdiagnoseImage.Gzip(SysdiagnoseImage.CallDump));

        var (source, entries) = Read(path, Shanghai);

        Assert.Equal(SysdiagnoseImage.ConferenceEntries, entries.Count);
        Assert.Equal(
            ["2025-10-28 18:27:51.102455 +08:00", "2025-10-28 18:27:51.102600 +08:00", "2025-10-28 18:27:51.171000 +08:00"],
            entries.Select(e => e.Timestamp!.Value.Instant!.Value.ToString("yyyy-MM-dd HH:mm:ss.ffffff zzz", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("CallSettings callID=1 audioSessionID=0x1c4ab2 mode=VoiceChat", entries[0].EventMessage);
        Assert.Equal("audio codec=AAC-ELD sampleRate=24000\n    packetsPerBundle=1", entries[1].EventMessage);
        Assert.Equal("182751.102600 audio codec=AAC-ELD sampleRate=24000\n    packetsPerBundle=1", entries[1].RawText);
        Assert.Equal(new InputLocation("capture/" + SysdiagnoseImage.CallDumpName, 2, 3), entries[1].Location);
        Assert.Equal([LogLevel.Default, LogLevel.Default, LogLevel.Error], entries.Select(e => e.Level));
        Assert.All(entries, e =>
        {
            Assert.Equal("avconferenced", e.Process);
            Assert.Equal("com.apple.AVConference", e.Subsystem);
            Assert.Equal("CallSettings", e.Category);
        });
        Assert.Empty(source.Summary.Issues);
        Assert.Equal(4, source.Summary.Lines);
        Assert.Equal(3, source.Summary.Entries);
    }

    [Fact]
    public void LinesBeforeTheFirstTimeFormAnEntryAtTheFileStartAndMidnightIsCrossed()
    {
        var text = "CallSettings dump v2\nsession begin\n235959.900000 last of the day\n000000.100000 first of the next\n";
        var path = Write("d-20251028-235950-CallSettings.calldump", Encoding.UTF8.GetBytes(text));

        var (_, entries) = Read(path);

        Assert.Equal(3, entries.Count);
        Assert.Equal("CallSettings dump v2\nsession begin", entries[0].EventMessage);
        Assert.Equal(new DateTime(2025, 10, 28, 23, 59, 50), entries[0].Timestamp!.Value.Local);
        Assert.Null(entries[0].Timestamp!.Value.Offset);
        Assert.Equal(new DateTime(2025, 10, 28, 23, 59, 59, 900), entries[1].Timestamp!.Value.Local);
        Assert.Equal(new DateTime(2025, 10, 29, 0, 0, 0, 100), entries[2].Timestamp!.Value.Local);
    }

    [Fact]
    public void AFileNameWithoutADateGivesTimesWithoutADate()
    {
        var path = Write("avconference.log", Encoding.UTF8.GetBytes("101500.000001 started\nplain line\r\n"));

        var (_, entries) = Read(path);

        var entry = Assert.Single(entries);
        Assert.False(entry.Timestamp!.Value.HasDate);
        Assert.Equal(new TimeSpan(0, 10, 15, 0) + TimeSpan.FromTicks(10), entry.Timestamp!.Value.Local.TimeOfDay);
        Assert.Equal("started\nplain line", entry.EventMessage);
        Assert.Equal("avconference", entry.Category);
    }

    [Fact]
    public void BadTimesAreTextAndLongLinesAreCutWithAnIssue()
    {
        var text = "256000.000000 not a time\n120000.000000 " + new string('x', AvConferenceSource.MaxLineBytes * 2) + "\n120001.000000 after\n";
        var path = Write("e-20251028-120000-CallSettings.calldump", Encoding.UTF8.GetBytes(text));

        var (source, entries) = Read(path);

        Assert.Equal(3, entries.Count);
        Assert.Equal("256000.000000 not a time", entries[0].EventMessage);
        Assert.Equal(AvConferenceSource.MaxLineBytes - 14, entries[1].EventMessage.Length);
        Assert.Equal("after", entries[2].EventMessage);
        var issue = Assert.Single(source.Summary.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains("cut", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptCompressedDataStopsWithAnIssueAndKeepsWhatCameBefore()
    {
        var random = new Random(11);
        var good = SysdiagnoseImage.Gzip(string.Concat(Enumerable.Range(0, 40_000).Select(i => $"120000.{i % 1_000_000:D6} line {i} {random.NextInt64():x16}\n")));
        var broken = good.ToArray();
        broken.AsSpan(broken.Length * 3 / 4, 64).Fill(0xFF);
        var path = Write("f-20251028-120000-CallSettings.calldump.gz", broken);

        var (source, entries) = Read(path);

        Assert.InRange(entries.Count, 1000, 39_999);
        Assert.All(entries.Take(1000).Select((e, i) => (e, i)), p => Assert.StartsWith($"line {p.i} ", p.e.EventMessage, StringComparison.Ordinal));
        Assert.Contains(source.Summary.Issues, i => i.Severity == LogReadIssueSeverity.Error);
    }

    [Fact]
    public void BinaryJunkIsReadWithoutThrowing()
    {
        var junk = new byte[100_000];
        new Random(7).NextBytes(junk);
        var path = Write("g-20251028-120000-CallSettings.calldump", junk);

        var (source, entries) = Read(path);

        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, source.Summary.Entries);
    }

    [Fact]
    public void TheSysdiagnoseReadsItsDumpsAfterTheCrashReportsInTheDeviceZone()
    {
        var file = Path.Combine(_dir, SysdiagnoseImage.Top + ".tar.gz");
        SysdiagnoseImage.WriteTarGz(file, SysdiagnoseImage.Members());
        var source = new SysdiagnoseSource(file, ArchiveLayout.TarGzip, new ArchiveOptions { TempParent = _dir });

        var entries = source.ReadEntries().ToList();

        var dump = entries.Skip(SysdiagnoseImage.LogEntries + SysdiagnoseImage.CrashEntries).ToList();
        Assert.Equal(SysdiagnoseImage.ConferenceEntries, dump.Count);
        Assert.Equal([$"{SysdiagnoseImage.Top}/logs/AVConference/{SysdiagnoseImage.CallDumpName}"], source.AvConferenceFiles);
        Assert.All(dump, e => Assert.Equal($"{SysdiagnoseImage.Top}.tar.gz/{SysdiagnoseImage.Top}/logs/AVConference/{SysdiagnoseImage.CallDumpName}", e.Location.Source));
        Assert.All(dump, e => Assert.Equal(Shanghai, e.Timestamp!.Value.Offset));
        Assert.Equal(SysdiagnoseImage.AllEntries, source.Summary.Entries);
        Assert.Equal(LogLevel.Error, dump[^1].Level);
    }
}
