using System.IO.Compression;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// Reads a zip of a sysdiagnose or logarchive and spools only the wanted regular files. Symbolic links and other
/// special files (from the Unix mode in the external attributes) and unsafe names are never written.
/// </summary>
internal static class ZipMemberReader
{
    private const int UnixTypeMask = 0xF000;
    private const int UnixRegularFile = 0x8000;

    public static void Spool(Stream zip, string archiveName, ArchiveSpool spool, LogReadSummary summary, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, archiveName, $"zip unreadable: {ex.Message}"));
            return;
        }

        using (archive)
        {
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                SpoolEntry(entry, archiveName, spool, summary);
            }
        }
    }

    private static void SpoolEntry(ZipArchiveEntry entry, string archiveName, ArchiveSpool spool, LogReadSummary summary)
    {
        var where = $"{archiveName}/{entry.FullName}";
        if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
        {
            return;
        }

        var unixType = (entry.ExternalAttributes >> 16) & UnixTypeMask;
        if (unixType != 0 && unixType != UnixRegularFile)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, where,
                $"skipped a {(unixType == 0xA000 ? "symbolic link" : "special file")} member (never written)"));
            return;
        }

        if (!ArchiveEntryPath.TryNormalize(entry.FullName, out var relative, out var problem))
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, where, $"skipped: {problem} (never written)"));
            return;
        }

        if (!ArchiveMemberSelector.IsWanted(relative))
        {
            return;
        }

        var target = spool.PathFor(relative);
        if (target is null)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, where, "skipped: path leaves the temporary folder"));
            return;
        }

        if (entry.Length > spool.MaxBytes - spool.WrittenBytes)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, where,
                $"skipped: member claims {entry.Length} bytes, over the {spool.MaxBytes}-byte spool cap ({spool.WrittenBytes} already used)"));
            return;
        }

        try
        {
            using var data = entry.Open();
            var written = spool.Write(target, data, entry.Length, out var capReached);
            if (capReached || written < entry.Length)
            {
                summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, where,
                    capReached ? "spool cap reached; the member was cut short" : $"member truncated: {written} of {entry.Length} bytes"));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, where, $"could not spool member: {ex.Message}"));
        }
    }
}
