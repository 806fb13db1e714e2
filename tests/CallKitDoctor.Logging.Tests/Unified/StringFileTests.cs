using System.Text;
using System.Text.Json;
using CallKitDoctor.Logging.Unified;
using CallKitDoctor.Logging.Unified.Strings;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Logging.Tests.Unified;

public class StringFileTests
{
    internal static byte[] BuildUuidText(string imagePath, params (uint Start, string[] Strings)[] entries)
    {
        var image = new ByteImage().U32(UuidTextFile.Signature).U32(2).U32(1).U32((uint)entries.Length);
        var blobs = entries.Select(e => e.Strings.SelectMany(s => Encoding.UTF8.GetBytes(s + "\0")).ToArray()).ToList();
        for (var i = 0; i < entries.Length; i++)
        {
            image.U32(entries[i].Start).U32((uint)blobs[i].Length);
        }

        foreach (var blob in blobs)
        {
            image.Bytes(blob);
        }

        return image.CString(imagePath).ToArray();
    }

    internal static byte[] BuildDsc(int version, ulong rangeOffset, string[] strings, Guid image, ulong textOffset, uint textSize, string path)
    {
        var blob = strings.SelectMany(s => Encoding.UTF8.GetBytes(s + "\0")).ToArray();
        var rangeSize = version == 1 ? 16 : 24;
        var imageSize = version == 1 ? 28 : 32;
        var dataOffset = 16 + rangeSize + imageSize;
        var pathOffset = dataOffset + blob.Length;
        var dsc = new ByteImage().U32(SharedCacheStrings.Signature).U16((ushort)version).U16(0).U32(1).U32(1);
        if (version == 1)
        {
            dsc.U32(0).U32((uint)rangeOffset).U32((uint)dataOffset).U32((uint)blob.Length);
            dsc.U32((uint)textOffset).U32(textSize).Uuid(image).U32((uint)pathOffset);
        }
        else
        {
            dsc.U64(rangeOffset).U32((uint)dataOffset).U32((uint)blob.Length).U64(0);
            dsc.U64(textOffset).U32(textSize).Uuid(image).U32((uint)pathOffset);
        }

        return dsc.Bytes(blob).CString(path).ToArray();
    }

    [Fact]
    public void UuidTextResolvesStringsByOffsetAndReadsImagePath()
    {
        var data = BuildUuidText("/usr/libexec/demo", (0x100, ["hello %s", "n=%d"]), (0x400, ["third"]));
        var errors = new UnifiedErrorLog();

        var file = UuidTextFile.Parse(data, "u", errors)!;

        Assert.Empty(errors.Errors);
        Assert.Equal("/usr/libexec/demo", file.ImagePath);
        Assert.Equal(2, file.Ranges.Count);
        Assert.True(file.TryGetString(0x100, out var s1));
        Assert.Equal("hello %s", Encoding.UTF8.GetString(s1));
        Assert.True(file.TryGetString(0x109, out var s2));
        Assert.Equal("n=%d", Encoding.UTF8.GetString(s2));
        Assert.True(file.TryGetString(0x400, out var s3));
        Assert.Equal("third", Encoding.UTF8.GetString(s3));
        Assert.False(file.TryGetString(0x300, out _));
    }

    [Fact]
    public void UuidTextWithHostileCountIsRejectedWithOffset()
    {
        var data = new ByteImage().U32(UuidTextFile.Signature).U32(2).U32(1).U32(uint.MaxValue).ToArray();
        var errors = new UnifiedErrorLog();

        Assert.Null(UuidTextFile.Parse(data, "bad", errors));
        Assert.Equal(12, Assert.Single(errors.Errors).ByteOffset);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void DscResolvesStringsAndImages(int version)
    {
        var uuid = Guid.Parse("671E0820-86AB-3339-A384-01EFBD8017A4");
        var data = BuildDsc(version, 0x5000, ["first %@", "second %d"], uuid, 0x1000, 0x9000, "/usr/lib/libdemo.dylib");
        var errors = new UnifiedErrorLog();

        var dsc = SharedCacheStrings.Parse(data, "d", errors)!;

        Assert.Empty(errors.Errors);
        Assert.Equal(version, dsc.MajorVersion);
        Assert.True(dsc.TryGetString(0x5009, out var s, out _));
        Assert.Equal("second %d", Encoding.UTF8.GetString(s));
        Assert.False(dsc.TryGetString(0x4fff, out _, out _));
        Assert.True(dsc.TryGetImage(0x2000, out var image));
        Assert.Equal(uuid, image.Uuid);
        Assert.Equal("/usr/lib/libdemo.dylib", image.Path);
    }

    [SkippableTheory]
    [InlineData("7EF56328D53A78B59CCCE3E3189F57", "00", "uuidtext-007EF56328D53A78B59CCCE3E3189F57.json")]
    [InlineData("0D3C2953A33917B333DD8366AC25F2", "22", "uuidtext-220D3C2953A33917B333DD8366AC25F2.json")]
    public void UuidTextMatchesReference(string name, string folder, string referenceName)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var path = SharedData.PathOf("testdata", "unified_logging", "uuidtext", folder, name)!;
        using var reference = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("testdata", "reference", referenceName)!));
        var root = reference.RootElement;
        var errors = new UnifiedErrorLog();

        var file = UuidTextFile.Parse(File.ReadAllBytes(path), path, errors)!;

        Assert.Empty(errors.Errors);
        Assert.Equal(root.GetProperty("major").GetUInt32(), file.MajorVersion);
        Assert.Equal(root.GetProperty("minor").GetUInt32(), file.MinorVersion);
        var descriptors = root.GetProperty("entry_descriptors").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("number_entries").GetInt32(), file.Ranges.Count);
        Assert.Equal(descriptors.Count, file.Ranges.Count);
        for (var i = 0; i < descriptors.Count; i++)
        {
            Assert.Equal(descriptors[i].GetProperty("range_start_offset").GetUInt32(), file.Ranges[i].RangeStart);
            Assert.Equal(descriptors[i].GetProperty("entry_size").GetUInt32(), file.Ranges[i].Size);
        }

        Assert.Equal(root.GetProperty("footer_data_len").GetInt32(), file.FooterData.Length);
        Assert.Equal(root.GetProperty("footer_data_lossy").GetString(), Encoding.UTF8.GetString(file.FooterData));
        var lastString = root.GetProperty("footer_data_lossy").GetString()!.TrimEnd('\0').Split('\0')[^1];
        Assert.Equal(lastString, file.ImagePath);
    }

    [SkippableTheory]
    [InlineData("dsc-version1", "dsc-version1.json")]
    [InlineData("dsc-version2", "dsc-version2.json")]
    public void DscMatchesReference(string name, string referenceName)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var path = SharedData.PathOf("testdata", "unified_logging", "uuidtext", "dsc", name)!;
        using var reference = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("testdata", "reference", referenceName)!));
        var root = reference.RootElement;
        var errors = new UnifiedErrorLog();

        var dsc = SharedCacheStrings.Parse(File.ReadAllBytes(path), path, errors)!;

        Assert.Empty(errors.Errors);
        Assert.Equal(root.GetProperty("major").GetUInt16(), dsc.MajorVersion);
        Assert.Equal(root.GetProperty("minor").GetUInt16(), dsc.MinorVersion);
        var ranges = root.GetProperty("ranges").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("number_ranges").GetInt32(), dsc.Ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            Assert.Equal(ranges[i].GetProperty("range_offset").GetUInt64(), dsc.Ranges[i].RangeOffset);
            Assert.Equal(ranges[i].GetProperty("data_offset").GetUInt32(), dsc.Ranges[i].DataOffset);
            Assert.Equal(ranges[i].GetProperty("range_size").GetUInt32(), dsc.Ranges[i].Size);
            Assert.Equal(ranges[i].GetProperty("uuid_index").GetUInt64(), dsc.Ranges[i].ImageIndex);
        }

        var uuids = root.GetProperty("uuids").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("number_uuids").GetInt32(), dsc.Images.Count);
        for (var i = 0; i < uuids.Count; i++)
        {
            // The reference prints the UUID as a number, without leading zeros.
            Assert.Equal(uuids[i].GetProperty("uuid").GetString()!.PadLeft(32, '0'), dsc.Images[i].Uuid.ToString("N").ToUpperInvariant());
            Assert.Equal(uuids[i].GetProperty("text_offset").GetUInt64(), dsc.Images[i].TextOffset);
            Assert.Equal(uuids[i].GetProperty("text_size").GetUInt32(), dsc.Images[i].TextSize);
            Assert.Equal(uuids[i].GetProperty("path_offset").GetUInt32(), dsc.Images[i].PathOffset);
            Assert.Equal(uuids[i].GetProperty("path_string").GetString(), dsc.Images[i].Path);
        }

        // Every range resolves its first string.
        Assert.True(dsc.TryGetString(dsc.Ranges[0].RangeOffset, out _, out var hit));
        Assert.Equal(dsc.Ranges[0].DataOffset, hit.DataOffset);
    }

    [SkippableFact]
    public void TruncatedDscIsReportedAsCorruptWithFileAndOffset()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var path = SharedData.PathOf("testdata", "unified_logging", "uuidtext", "dsc", "8E21CAB1DCF936B49F85CF860E6F34EC")!;
        var errors = new UnifiedErrorLog();

        var dsc = SharedCacheStrings.Parse(File.ReadAllBytes(path), path, errors);

        // The range descriptor at byte 16 claims 6,292 bytes of a 205-byte file; the image path offset is garbage too.
        Assert.NotEmpty(errors.Errors);
        Assert.All(errors.Errors, e => Assert.Equal(path, e.File));
        var error = errors.Errors[0];
        Assert.Equal(UnifiedErrorKind.OutOfBounds, error.Kind);
        Assert.Equal(16, error.ByteOffset);
        Assert.NotNull(dsc);
        Assert.Empty(dsc.Ranges);
        Assert.False(dsc.TryGetString(0x48a40, out _, out _));
    }
}
