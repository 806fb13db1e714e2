using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using CallKitDoctor.Scenarios.Composition;

namespace CallKitDoctor.Scenarios.Archive;

/// <summary>
/// Lays a scenario out as a sysdiagnose: <c>sysdiagnose_&lt;date&gt;_&lt;time&gt;&lt;tz&gt;_iPhone-OS_iPhone_&lt;build&gt;/</c>
/// with <c>system_logs.logarchive/</c> and <c>logs/SystemVersion/SystemVersion.plist</c>; writes it as a folder or a
/// <c>.tar.gz</c> (ustar entries with a fixed modification time and no owner, so the same scenario gives the same bytes).
/// </summary>
public static class SysdiagnoseBuilder
{
    /// <summary>The name sysdiagnose gives its folder, e.g. <c>sysdiagnose_2025.10.23_16-02-10+1100_iPhone-OS_iPhone_22E252</c>.</summary>
    public static string FolderName(CallScenario scenario)
    {
        var device = scenario.Device;
        var capture = CaptureTime(scenario).ToOffset(device.UtcOffset);
        var offset = device.UtcOffset;
        var zone = (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
        return $"sysdiagnose_{capture.ToString("yyyy.MM.dd_HH-mm-ss", CultureInfo.InvariantCulture)}{zone}_{device.ProductName.Replace(' ', '-')}_iPhone_{device.BuildVersion}";
    }

    /// <summary>Every file of the sysdiagnose, paths relative to the folder that holds it (starting with <see cref="FolderName"/>).</summary>
    public static IReadOnlyList<ArchiveFile> Build(CallScenario scenario)
    {
        var root = FolderName(scenario);
        var files = new List<ArchiveFile>();
        foreach (var file in LogArchiveBuilder.Build(scenario))
        {
            files.Add(file with { Path = $"{root}/system_logs.logarchive/{file.Path}" });
        }

        files.Add(new ArchiveFile($"{root}/logs/SystemVersion/SystemVersion.plist", Encoding.UTF8.GetBytes(SystemVersionPlist(scenario.Device))));
        return files;
    }

    /// <summary>Writes the sysdiagnose folder under <paramref name="directory"/>; returns its path.</summary>
    public static string WriteFolder(CallScenario scenario, string directory)
    {
        foreach (var file in Build(scenario))
        {
            var path = Path.Combine(directory, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Data);
        }

        return Path.Combine(directory, FolderName(scenario));
    }

    /// <summary>Writes the sysdiagnose as a gzip-compressed tar to <paramref name="output"/>.</summary>
    public static void WriteTarGz(CallScenario scenario, Stream output)
    {
        var modified = CaptureTime(scenario);
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Build(scenario))
        {
            // Directory entries first, as tar writes them.
            var parts = file.Path.Split('/');
            for (var i = 1; i < parts.Length; i++)
            {
                var folder = string.Join('/', parts[..i]) + "/";
                if (written.Add(folder))
                {
                    tar.WriteEntry(new UstarTarEntry(TarEntryType.Directory, folder) { ModificationTime = modified, Mode = Permissions(true) });
                }
            }

            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, file.Path)
            {
                ModificationTime = modified,
                Mode = Permissions(false),
                DataStream = new MemoryStream(file.Data, writable: false),
            });
        }
    }

    /// <summary>Writes the sysdiagnose <c>.tar.gz</c> to a file.</summary>
    public static void WriteTarGz(CallScenario scenario, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        WriteTarGz(scenario, stream);
    }

    /// <summary>Writes the sysdiagnose folder as a zip (the way people re-pack an extracted sysdiagnose) to a file.</summary>
    public static void WriteZip(CallScenario scenario, string path)
    {
        var modified = CaptureTime(scenario);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in Build(scenario))
        {
            var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
            entry.LastWriteTime = modified;
            using var data = entry.Open();
            data.Write(file.Data);
        }
    }

    private static UnixFileMode Permissions(bool directory) =>
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead |
        (directory ? UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : UnixFileMode.None);

    private static DateTimeOffset CaptureTime(CallScenario scenario)
    {
        if (scenario.CaptureTime is { } capture)
        {
            return capture;
        }

        var last = DateTimeOffset.UnixEpoch;
        foreach (var step in scenario.Steps)
        {
            var end = step.Times[^1];
            if (end > last)
            {
                last = end;
            }
        }

        return last + TimeSpan.FromSeconds(5);
    }

    /// <summary>The <c>logs/SystemVersion/SystemVersion.plist</c> a device writes (XML property list).</summary>
    public static string SystemVersionPlist(DeviceProfile device) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        	<key>BuildID</key>
        	<string>{NameUuid.From("build/" + device.BuildVersion).ToString().ToUpperInvariant()}</string>
        	<key>ProductBuildVersion</key>
        	<string>{device.BuildVersion}</string>
        	<key>ProductCopyright</key>
        	<string>1983-2025 Apple Inc.</string>
        	<key>ProductName</key>
        	<string>{device.ProductName}</string>
        	<key>ProductVersion</key>
        	<string>{device.ProductVersion}</string>
        </dict>
        </plist>

        """;
}
