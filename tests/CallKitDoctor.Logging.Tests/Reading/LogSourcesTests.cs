using System.IO.Compression;
using System.Text;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified;

namespace CallKitDoctor.Logging.Tests.Reading;

public sealed class LogSourcesTests : IDisposable
{
    private const string ConsoleText =
        "default\t12:05:02.908987 +0530\tcallservicesd\tSetting audio active: <private> options: 0 for provider <private>\n" +
        "error\t12:05:02.302954 +0530\tCourtBuddy\tTIC Read Status [3:0x109018640]: 1:57\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("ckd-sources-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void OpensAFileDetectsItsFormatAndCountsBytes()
    {
        var path = Write("console.txt", Encoding.UTF8.GetBytes(ConsoleText));
        var source = LogSources.Open(path);
        Assert.Equal(LogInputFormat.Console, source.Summary.Format);
        Assert.Equal(path, source.Name);
        var entries = source.ReadEntries().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(path, entries[0].Location.Source);
        Assert.Equal(Encoding.UTF8.GetByteCount(ConsoleText), source.Summary.Bytes);
        Assert.Equal(2, source.Summary.Lines);
    }

    [Fact]
    public void AFileCanBeReadTwice()
    {
        var source = LogSources.Open(Write("twice.txt", Encoding.UTF8.GetBytes(ConsoleText)));
        Assert.Equal(2, source.ReadEntries().Count());
        Assert.Equal(2, source.ReadEntries().Count());
        Assert.Equal(2, source.Summary.Entries);
    }

    [Fact]
    public void ReadsGzipCompressedText()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(ConsoleText));
        }

        var source = LogSources.Open(Write("console.txt.gz", buffer.ToArray()));
        Assert.Equal(LogInputFormat.Console, source.Summary.Format);
        Assert.Equal(["Setting audio active: <private> options: 0 for provider <private>", "TIC Read Status [3:0x109018640]: 1:57"],
            source.ReadEntries().Select(e => e.EventMessage));
    }

    [Fact]
    public void CorruptGzipRecordsAnIssueInsteadOfThrowing()
    {
        var source = LogSources.Open(Write("broken.gz", [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03]));
        var entries = source.ReadEntries().ToList();
        Assert.Empty(entries);
        Assert.Contains(source.Summary.Issues, i => i.Severity == LogReadIssueSeverity.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsUtf16Text(bool littleEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(ConsoleText)).ToArray();
        var source = LogSources.Open(Write("utf16.txt", bytes));
        Assert.Equal(LogInputFormat.Console, source.Summary.Format);
        var entries = source.ReadEntries().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("callservicesd", entries[0].Process);
    }

    [Fact]
    public void DirectoryGoesToTheArchiveReader()
    {
        var source = LogSources.Open(_dir);
        Assert.IsType<SysdiagnoseSource>(source);
        Assert.Equal(LogInputFormat.Unified, source.Summary.Format);
        Assert.Empty(source.ReadEntries());
        var issue = Assert.Single(source.Summary.Issues);
        Assert.Contains("no .tracev3 files found", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tracev3ContentGoesToTheUnifiedReader()
    {
        var source = LogSources.Open(Write("0000000000000030.bin", [0x00, 0x10, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00]));
        Assert.IsType<UnifiedLogSource>(source);
        Assert.Equal(LogInputFormat.Unified, source.Summary.Format);
        Assert.Empty(source.ReadEntries());
        Assert.Contains(source.Summary.Issues, i => i.Severity == LogReadIssueSeverity.Error);
    }

    [Fact]
    public void InMemoryTracev3IsRecordedNotRead()
    {
        var source = LogSources.FromBytes([0x00, 0x10, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00], "pasted");
        Assert.Empty(source.ReadEntries());
        Assert.Contains("binary unified logs are read by the unified reader", Assert.Single(source.Summary.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileThrowsFileNotFound()
    {
        var missing = Path.Combine(_dir, "nope.log");
        var ex = Assert.Throws<FileNotFoundException>(() => LogSources.Open(missing));
        Assert.Equal(missing, ex.FileName);
    }

    [Fact]
    public void FromTextNamesTheSourceAndHonoursTheFormat()
    {
        var source = LogSources.FromText("provider:didActivateAudioSession:\n", "pasted", LogInputFormat.Xcode);
        Assert.Equal("pasted", source.Name);
        Assert.Equal("pasted", source.Summary.Source);
        var entry = Assert.Single(source.ReadEntries());
        Assert.Equal("pasted:1", entry.Location.ToString());
        Assert.Equal(1, source.Summary.EntriesWithoutTimestamp);
    }

    [Fact]
    public void LaterJsonEntriesAreReadWithoutLoadingTheWholeArray()
    {
        var path = Path.Combine(_dir, "big.json");
        const int count = 20_000;
        using (var writer = new StreamWriter(path))
        {
            writer.Write('[');
            for (var i = 0; i < count; i++)
            {
                writer.Write(i == 0 ? "" : ",");
                writer.Write($"{{\"eventMessage\":\"m{i}\",\"messageType\":\"Default\",\"timestamp\":\"2025-10-23 16:00:39.916170+1100\"}}");
            }

            writer.Write(']');
        }

        var source = LogSources.Open(path);
        Assert.Equal(LogInputFormat.LogShowJson, source.Summary.Format);
        var last = source.ReadEntries().Last();
        Assert.Equal($"m{count - 1}", last.EventMessage);
        Assert.Equal(count, source.Summary.Entries);
        Assert.Equal(new FileInfo(path).Length, source.Summary.Bytes);
    }

    [Theory]
    [InlineData("auto", LogInputFormat.Auto)]
    [InlineData("console", LogInputFormat.Console)]
    [InlineData("log-show", LogInputFormat.LogShowDefault)]
    [InlineData("compact", LogInputFormat.LogShowCompact)]
    [InlineData("syslog", LogInputFormat.LogShowSyslog)]
    [InlineData("NDJSON", LogInputFormat.LogShowNdjson)]
    [InlineData("json", LogInputFormat.LogShowJson)]
    [InlineData("xcode", LogInputFormat.Xcode)]
    [InlineData("crash", LogInputFormat.CrashReport)]
    [InlineData("LogShowExcerpt", LogInputFormat.LogShowExcerpt)]
    public void ParsesFormatNames(string name, LogInputFormat expected)
    {
        Assert.True(LogSources.TryParseFormat(name, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("")]
    [InlineData("xml")]
    [InlineData("42")]
    public void RejectsUnknownFormatNames(string name) => Assert.False(LogSources.TryParseFormat(name, out _));
}
