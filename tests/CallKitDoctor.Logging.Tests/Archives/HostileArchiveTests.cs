using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Archives;

public sealed class HostileArchiveTests : IDisposable
{
    private const string Good = SysdiagnoseImage.LogArchive + "/Persist/0000000000000001.tracev3";
    private readonly string _dir = Directory.CreateTempSubdirectory("ckd-hostile-").FullName;
    private readonly string _spoolParent;

    public HostileArchiveTests()
    {
        _spoolParent = Directory.CreateDirectory(Path.Combine(_dir, "a", "b")).FullName;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ArchiveOptions Options(long max = ArchiveOptions.DefaultMaxSpoolBytes) => new() { TempParent = _spoolParent, MaxSpoolBytes = max };

    private static byte[] Payload => SysdiagnoseImage.OneEntryFile(0x1234, 100);

    private static void Regular(TarWriter writer, string name, byte[] data) =>
        writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });

    /// <summary>Files anywhere under the test folder except inside the spool parent (which must end empty).</summary>
    private List<string> StrayFiles() =>
        Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tar.gz", StringComparison.Ordinal) && !f.EndsWith(".zip", StringComparison.Ordinal)).ToList();

    private string WriteGz(byte[] tar)
    {
        var file = Path.Combine(_dir, "hostile.tar.gz");
        using var output = File.Create(file);
        using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        gzip.Write(tar);
        return file;
    }

    [Fact]
    public void TraversalAbsoluteLinksAndDevicesAreNeverWrittenAndTheRestIsRead()
    {
        var absolute = Path.Combine(_dir, "absolute-escape.tracev3");
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            Regular(writer, "../../" + SysdiagnoseImage.LogArchive + "/Persist/0000000000000003.tracev3", Payload);
            Regular(writer, "../../escape.tracev3", Payload);
            Regular(writer, absolute, Payload);
            Regular(writer, "/etc/ckd-escape.tracev3", Payload);
            Regular(writer, SysdiagnoseImage.LogArchive + "/Persist/../../../../x.tracev3", Payload);
            writer.WriteEntry(new UstarTarEntry(TarEntryType.SymbolicLink, SysdiagnoseImage.LogArchive + "/Persist/link.tracev3") { LinkName = "/etc/passwd" });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.HardLink, SysdiagnoseImage.LogArchive + "/Persist/hard.tracev3") { LinkName = "/etc/shadow" });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.CharacterDevice, SysdiagnoseImage.LogArchive + "/Persist/tty") { DeviceMajor = 4, DeviceMinor = 1 });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.BlockDevice, SysdiagnoseImage.LogArchive + "/Persist/disk0.tracev3") { DeviceMajor = 1, DeviceMinor = 0 });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.Fifo, SysdiagnoseImage.LogArchive + "/Persist/fifo"));
            Regular(writer, Good, Payload);
        }

        var source = new SysdiagnoseSource(WriteGz(tar.ToArray()), ArchiveLayout.TarGzip, Options());
        var entries = source.ReadEntries().ToList();

        Assert.Single(entries);
        Assert.Equal(Payload.Length, source.SpooledBytes);
        Assert.Empty(StrayFiles());
        Assert.False(File.Exists(absolute));
        Assert.False(File.Exists("/etc/ckd-escape.tracev3"));
        var messages = source.Summary.Issues.Select(i => i.Message).ToList();
        Assert.Equal(3, messages.Count(m => m.Contains("'..'", StringComparison.Ordinal)));
        Assert.Equal(2, messages.Count(m => m.Contains("absolute member path", StringComparison.Ordinal)));
        Assert.Contains(messages, m => m.Contains("symbolic link", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("hard link", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("character device", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("block device", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("FIFO", StringComparison.Ordinal));
    }

    [Fact]
    public void AHugeSizeClaimOnATruncatedStreamStopsWithAnIssueAndKeepsWhatCameBefore()
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            Regular(writer, Good, Payload);
            Regular(writer, SysdiagnoseImage.LogArchive + "/Persist/0000000000000002.tracev3", new byte[1024]);
        }

        var bytes = tar.ToArray();
        var header = ((Payload.Length + 511) / 512 * 512) + 512;
        ClaimSize(bytes.AsSpan(header, 512), 10L * 1024 * 1024 * 1024);
        var truncated = bytes.AsSpan(0, header + 512 + 700).ToArray();

        var source = new SysdiagnoseSource(WriteGz(truncated), ArchiveLayout.TarGzip, Options(max: 1024 * 1024));
        var entries = source.ReadEntries().ToList();

        Assert.Single(entries);
        Assert.Contains(source.Summary.Issues, i => i.Severity == LogReadIssueSeverity.Error && i.Message.Contains("10737418240 bytes", StringComparison.Ordinal));
        Assert.Contains(source.Summary.Issues, i => i.Message.Contains("tar stream unreadable", StringComparison.Ordinal));
        Assert.Empty(StrayFiles());
    }

    [Theory]
    [InlineData('x')] // PAX extended header
    [InlineData('g')] // PAX global header
    [InlineData('L')] // GNU long name
    [InlineData('K')] // GNU long link name
    public void AHugeMetadataHeaderIsNotLoadedIntoMemory(char type)
    {
        // A metadata entry (read into memory by tar readers) that claims 1.5 GiB, then a little data and the end.
        var header = new byte[512];
        Encoding.ASCII.GetBytes("././@LongLink").CopyTo(header, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(header, 100);
        header[156] = (byte)type;
        Encoding.ASCII.GetBytes("ustar\0").CopyTo(header, 257);
        Encoding.ASCII.GetBytes("00").CopyTo(header, 263);
        Encoding.ASCII.GetBytes("00000000000\0").CopyTo(header, 136);
        ClaimSize(header, 1536L * 1024 * 1024);
        var tar = new MemoryStream();
        tar.Write(header);
        tar.Write(new byte[4096]);
        var file = WriteGz(tar.ToArray());
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var source = new SysdiagnoseSource(file, ArchiveLayout.TarGzip, Options());
        var entries = source.ReadEntries().ToList();

        Assert.Empty(entries);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 256L * 1024 * 1024, "the claimed size must not be allocated");
        Assert.Contains(source.Summary.Issues, i => i.Severity == LogReadIssueSeverity.Error);
        Assert.Empty(StrayFiles());
    }

    [Fact]
    public void TheSpoolCapBoundsWhatIsWritten()
    {
        var file = Path.Combine(_dir, "capture.tar.gz");
        SysdiagnoseImage.WriteTarGz(file, SysdiagnoseImage.Members(withStale: false));

        var source = new SysdiagnoseSource(file, ArchiveLayout.TarGzip, Options(max: 600));
        var entries = source.ReadEntries().ToList();

        Assert.True(source.SpooledBytes <= 600);
        Assert.Contains(source.Summary.Issues, i => i.Message.Contains("spool cap", StringComparison.Ordinal));
        Assert.Empty(StrayFiles());
        Assert.True(entries.Count < SysdiagnoseImage.AllEntries);
    }

    [Fact]
    public void ZipTraversalAndSymlinksAreNeverWritten()
    {
        var file = Path.Combine(_dir, "hostile.zip");
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Create))
        {
            void Add(string name, byte[] data, int unixMode = 0)
            {
                var entry = zip.CreateEntry(name);
                if (unixMode != 0)
                {
                    entry.ExternalAttributes = unixMode << 16;
                }

                using var s = entry.Open();
                s.Write(data);
            }

            Add("../../" + Good, Payload);
            Add("/" + Good, Payload);
            Add(SysdiagnoseImage.LogArchive + "/Persist/link.tracev3", Encoding.UTF8.GetBytes("/etc/passwd"), 0xA1FF);
            Add(Good, Payload, 0x81A4);
        }

        var source = new SysdiagnoseSource(file, ArchiveLayout.Zip, Options());
        var entries = source.ReadEntries().ToList();

        Assert.Single(entries);
        Assert.Empty(StrayFiles());
        Assert.Contains(source.Summary.Issues, i => i.Message.Contains("symbolic link", StringComparison.Ordinal));
        Assert.Contains(source.Summary.Issues, i => i.Message.Contains("'..'", StringComparison.Ordinal));
        Assert.Contains(source.Summary.Issues, i => i.Message.Contains("absolute", StringComparison.Ordinal));
    }

    [Fact]
    public void GarbageNamedLikeAnArchiveGivesIssuesNotExceptions()
    {
        var file = Path.Combine(_dir, "garbage.tar.gz");
        File.WriteAllBytes(file, [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5]);

        var source = new SysdiagnoseSource(file, ArchiveLayout.TarGzip, Options());

        Assert.Empty(source.ReadEntries());
        Assert.Contains(source.Summary.Issues, i => i.Severity == LogReadIssueSeverity.Error);
    }

    [Theory]
    [InlineData("a/b/c.tracev3", "a/b/c.tracev3")]
    [InlineData("./a//b/./c", "a/b/c")]
    [InlineData("a\\b\\c", "a/b/c")]
    [InlineData("../a", null)]
    [InlineData("a/../../b", null)]
    [InlineData("a\\..\\..\\b", null)]
    [InlineData("/etc/passwd", null)]
    [InlineData("\\\\server\\share", null)]
    [InlineData("C:/Windows/x", null)]
    [InlineData("a/\0b", null)]
    [InlineData("./", null)]
    [InlineData("", null)]
    public void MemberNamesAreNormalisedOrRefused(string name, string? expected)
    {
        var ok = ArchiveEntryPath.TryNormalize(name, out var relative, out var problem);

        Assert.Equal(expected is not null, ok);
        if (ok)
        {
            Assert.Equal(expected, relative);
            Assert.Null(problem);
        }
        else
        {
            Assert.NotNull(problem);
        }
    }

    /// <summary>Writes <paramref name="size"/> into a ustar header's size field in base-256 and fixes the checksum.</summary>
    private static void ClaimSize(Span<byte> header, long size)
    {
        var field = header.Slice(124, 12);
        field.Clear();
        field[0] = 0x80;
        for (var i = 11; i >= 4; i--)
        {
            field[i] = (byte)size;
            size >>= 8;
        }

        header.Slice(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header)
        {
            sum += b;
        }

        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header[148..]);
    }
}
