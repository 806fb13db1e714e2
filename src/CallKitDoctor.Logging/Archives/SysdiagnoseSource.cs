using System.IO.Compression;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// Reads what a user holds: a sysdiagnose <c>.tar.gz</c> (streamed; only the logarchive, <c>SystemVersion.plist</c>,
/// crash reports and AVConference files are spooled to a private temp folder, deleted when the enumeration ends or
/// the source is disposed), an extracted sysdiagnose folder, a <c>.logarchive</c> folder, or a zip of either. Yields
/// the chosen logarchive's entries (through <see cref="UnifiedLogSource"/>), then the entries of the crash reports in
/// <c>crashes_and_spins/*.ips</c>, then those of the AVConference call dumps and logs in <c>logs/AVConference/</c>
/// (see <see cref="AvConferenceSource"/>), and fills <see cref="Context"/> with the capture time, platform, device, OS, boot
/// sessions and the window each log store covers.
/// </summary>
public sealed class SysdiagnoseSource : ILogEntrySource, IDisposable
{
    private readonly string _path;
    private readonly ArchiveOptions _options;
    private ArchiveSpool? _spool;

    public SysdiagnoseSource(string path, ArchiveLayout layout, ArchiveOptions? options = null)
    {
        _path = path;
        Layout = layout;
        _options = options ?? new ArchiveOptions();
        Name = path;
        Summary = NewSummary();
    }

    public string Name { get; }

    /// <summary>How the input is packed.</summary>
    public ArchiveLayout Layout { get; }

    public LogReadSummary Summary { get; private set; }

    public CaptureContext Context { get; private set; } = new();

    /// <summary>The logarchive read, relative to the sysdiagnose root (<c>.</c> for the root itself); set while reading.</summary>
    public string? LogArchive { get; private set; }

    /// <summary>The crash reports read, relative to the sysdiagnose root.</summary>
    public IReadOnlyList<string> CrashReports { get; private set; } = [];

    /// <summary>The AVConference files read (call dumps, logs), relative to the sysdiagnose root.</summary>
    public IReadOnlyList<string> AvConferenceFiles { get; private set; } = [];

    /// <summary>Bytes spooled to the temp folder (0 for folders).</summary>
    public long SpooledBytes { get; private set; }

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default) => Read(cancellationToken);

    /// <summary>Removes the temp folder if an enumeration was abandoned.</summary>
    public void Dispose()
    {
        _spool?.Dispose();
        _spool = null;
    }

    private LogReadSummary NewSummary() => new() { Source = _path, Format = LogInputFormat.Unified };

    private IEnumerable<LogEntry> Read(CancellationToken cancellationToken)
    {
        if (Summary.Entries > 0 || Summary.IssueCount > 0)
        {
            Summary = NewSummary();
            Context = new CaptureContext();
        }

        Dispose();
        try
        {
            var root = Layout == ArchiveLayout.Folder ? Path.GetFullPath(_path) : SpoolArchive(cancellationToken);
            if (root is null)
            {
                yield break;
            }

            FillFromNames(root);
            var (logArchive, onlyStale, passedOver) = LogArchiveLocator.Find(root);
            LogArchive = Path.GetRelativePath(root, logArchive).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var skipped in passedOver)
            {
                Summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, Display(skipped),
                    LogArchiveLocator.IsStale(root, skipped) ? "stale IN_PROGRESS_ logarchive not read" : $"logarchive not read (read {LogArchive})"));
            }

            if (onlyStale)
            {
                Summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, Display(logArchive),
                    "only an IN_PROGRESS_ logarchive is present: it was read, but the capture may be incomplete"));
            }

            FillFromSystemVersion(root);
            var filter = _options.ResolveFilter?.Invoke(logArchive) ?? _options.Filter;
            var unified = new UnifiedLogSource(logArchive, new UnifiedLogOptions { DisplayPath = Display, Filter = filter });
            var collector = new StoreWindowCollector(logArchive);
            // The unified reader already reads and formats ahead on a second thread (UnifiedLogOptions.ReadAhead).
            foreach (var entry in unified.ReadEntries(cancellationToken))
            {
                collector.Observe(entry);
                Summary.Entries++;
                yield return entry;
            }

            Absorb(unified.Summary);
            Summary.Bytes = Layout == ArchiveLayout.Folder ? unified.Summary.Bytes : Summary.Bytes;
            Summary.EntriesWithoutTimestamp += unified.Summary.EntriesWithoutTimestamp;
            Context.MergeFrom(unified.Context);
            Context.StoreWindows = collector.StoreWindows();
            Context.BootSessions = collector.BootSessions();

            var reports = FindCrashReports(root);
            CrashReports = reports.Select(r => Path.GetRelativePath(root, r).Replace(Path.DirectorySeparatorChar, '/')).ToList();
            foreach (var report in reports)
            {
                var source = LogSources.OpenNamed(report, Display(report));
                foreach (var entry in source.ReadEntries(cancellationToken))
                {
                    Summary.Entries++;
                    if (entry.Timestamp is null)
                    {
                        Summary.EntriesWithoutTimestamp++;
                    }

                    yield return entry;
                }

                Absorb(source.Summary);
                Context.OsVersion ??= source.Context.OsVersion;
                Context.OsBuild ??= source.Context.OsBuild;
                Context.DeviceModel ??= source.Context.DeviceModel;
            }

            var dumps = FindAvConferenceFiles(root);
            AvConferenceFiles = dumps.Select(r => Path.GetRelativePath(root, r).Replace(Path.DirectorySeparatorChar, '/')).ToList();
            foreach (var dump in dumps)
            {
                var source = new AvConferenceSource(dump, Display(dump), Context.CaptureTime?.Offset);
                foreach (var entry in source.ReadEntries(cancellationToken))
                {
                    Summary.Entries++;
                    yield return entry;
                }

                Absorb(source.Summary);
                Summary.EntriesWithoutTimestamp += source.Summary.EntriesWithoutTimestamp;
            }
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Streams the packed archive into a new spool; returns its root, or null when nothing could be opened.</summary>
    private string? SpoolArchive(CancellationToken cancellationToken)
    {
        _spool = new ArchiveSpool(_options);
        var name = Path.GetFileName(_path);
        try
        {
            using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
            var total = file.Length;
            Summary.Bytes = total;
            var report = _options.Progress;
            using var counted = new CountingStream(file, report is null ? null : read => report(read, total));
            switch (Layout)
            {
                case ArchiveLayout.Zip:
                    ZipMemberReader.Spool(file, name, _spool, Summary, cancellationToken);
                    break;
                case ArchiveLayout.TarGzip:
                    // Decompression runs on a second thread, overlapping the tar walk and the spooling.
                    using (var gzip = new BackgroundReadStream(new GZipStream(counted, CompressionMode.Decompress, leaveOpen: true)))
                    {
                        TarMemberReader.Spool(gzip, name, _spool, Summary, cancellationToken);
                    }

                    break;
                default:
                    TarMemberReader.Spool(counted, name, _spool, Summary, cancellationToken);
                    break;
            }

            report?.Invoke(total, total);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, _path, $"archive unreadable: {ex.Message}"));
        }

        SpooledBytes = _spool.WrittenBytes;
        return _spool.Root;
    }

    private void FillFromNames(string root)
    {
        Context.ArchiveName = Path.GetFileName(Path.GetFullPath(_path).TrimEnd(Path.DirectorySeparatorChar));
        var name = SysdiagnoseName.TryParse(_path);
        if (name is null)
        {
            // A packed archive usually holds one top folder named like the sysdiagnose.
            foreach (var folder in SafeEnumerate(() => Directory.EnumerateDirectories(root)))
            {
                name ??= SysdiagnoseName.TryParse(folder);
            }
        }

        if (name is not null)
        {
            Context.CaptureTime ??= name.CaptureTime;
            Context.Platform ??= name.Platform;
            Context.DeviceClass ??= name.Device;
            Context.OsBuild ??= name.Build;
        }
    }

    private void FillFromSystemVersion(string root)
    {
        var plist = SafeEnumerate(() => Directory.EnumerateFiles(root, "SystemVersion.plist", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            MaxRecursionDepth = 5,
            AttributesToSkip = FileAttributes.ReparsePoint,
        }))
            .Where(p => !LogArchiveLocator.IsStale(root, Path.GetDirectoryName(p)!))
            .OrderBy(p => p.Contains($"{Path.DirectorySeparatorChar}SystemVersion{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
        if (plist is null || SystemVersion.Read(plist, Display(plist), Summary) is not { } version)
        {
            return;
        }

        Context.Platform ??= version.ProductName;
        if (version.ProductVersion is { } v)
        {
            Context.OsVersion ??= version.ProductName is { } product ? $"{product} {v}" : v;
        }

        Context.OsBuild ??= version.ProductBuildVersion;
    }

    private static List<string> FindCrashReports(string root) =>
        SafeEnumerate(() => Directory.EnumerateFiles(root, "*.ips", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            MaxRecursionDepth = 6,
            AttributesToSkip = FileAttributes.ReparsePoint,
            MatchCasing = MatchCasing.CaseInsensitive,
        }))
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "crashes_and_spins" || p.Contains($"{Path.DirectorySeparatorChar}crashes_and_spins{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => !Path.GetFileName(p).StartsWith("._", StringComparison.Ordinal) && !LogArchiveLocator.IsStale(root, Path.GetDirectoryName(p)!))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> FindAvConferenceFiles(string root)
    {
        var folder = $"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}AVConference{Path.DirectorySeparatorChar}";
        return SafeEnumerate(() => Directory.EnumerateFiles(root, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            MaxRecursionDepth = 6,
            AttributesToSkip = FileAttributes.ReparsePoint,
        }))
            .Where(p => (Path.DirectorySeparatorChar + Path.GetRelativePath(root, p)).Contains(folder, StringComparison.Ordinal))
            .Where(p => AvConferenceFileName.IsReadable(p) && !LogArchiveLocator.IsStale(root, Path.GetDirectoryName(p)!))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> SafeEnumerate(Func<IEnumerable<string>> enumerate)
    {
        try
        {
            return enumerate().ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>A spooled path shown as <c>archive-name/member-path</c>; folder paths unchanged.</summary>
    private string Display(string path) =>
        _spool?.RelativeOf(Path.GetFullPath(path)) is { } relative ? $"{Path.GetFileName(_path)}/{relative}" : path;

    private void Absorb(LogReadSummary inner)
    {
        foreach (var issue in inner.Issues)
        {
            Summary.Add(issue with { Source = Display(issue.Source) });
        }

        for (var more = inner.Issues.Count; more < inner.IssueCount; more++)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, Display(inner.Source), "further issue not listed"));
        }

        Summary.Lines += inner.Lines;
        Summary.UnparsedLines += inner.UnparsedLines;
    }
}
