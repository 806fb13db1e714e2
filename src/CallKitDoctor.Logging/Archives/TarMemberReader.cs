using System.Formats.Tar;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// Streams a tar (from a file or a <see cref="System.IO.Compression.GZipStream"/>) and spools only the wanted regular
/// files. Links, devices, FIFOs and unsafe names are never written; each is recorded as an issue. Metadata entries
/// claiming more than <see cref="TarHeaderGuard.MaxMetadataBytes"/> stop the reading before they are loaded. A truncated or
/// corrupt stream stops the reading with an issue; what was spooled before stays readable.
/// </summary>
internal static class TarMemberReader
{
    public static void Spool(Stream tar, string archiveName, ArchiveSpool spool, LogReadSummary summary, CancellationToken cancellationToken)
    {
        using var counting = new CountingStream(new TarHeaderGuard(tar));
        using var reader = new TarReader(counting, leaveOpen: true);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TarEntry? entry;
            var headerOffset = counting.BytesRead;
            try
            {
                entry = reader.GetNextEntry(copyData: false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, archiveName,
                    $"tar stream unreadable, reading stopped ({ex.GetType().Name}: {ex.Message})", 0, headerOffset));
                return;
            }

            if (entry is null)
            {
                return;
            }

            var where = $"{archiveName}/{entry.Name}";
            if (entry.EntryType == TarEntryType.Directory)
            {
                continue;
            }

            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
            {
                summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, where,
                    $"skipped a {Describe(entry.EntryType)} member (never written)", 0, headerOffset));
                continue;
            }

            if (!ArchiveEntryPath.TryNormalize(entry.Name, out var relative, out var problem))
            {
                summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, where, $"skipped: {problem} (never written)", 0, headerOffset));
                continue;
            }

            if (!ArchiveMemberSelector.IsWanted(relative))
            {
                continue;
            }

            var target = spool.PathFor(relative);
            if (target is null)
            {
                summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, where, "skipped: path leaves the temporary folder", 0, headerOffset));
                continue;
            }

            if (entry.Length > spool.MaxBytes - spool.WrittenBytes)
            {
                summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, where,
                    $"skipped: member claims {entry.Length} bytes, over the {spool.MaxBytes}-byte spool cap ({spool.WrittenBytes} already used)", 0, headerOffset));
                continue;
            }

            if (entry.DataStream is not { } data)
            {
                continue;
            }

            try
            {
                var written = spool.Write(target, data, entry.Length, out var capReached);
                if (capReached || written < entry.Length)
                {
                    summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, where,
                        capReached ? "spool cap reached; the member was cut short" : $"member truncated: {written} of {entry.Length} bytes", 0, headerOffset));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, where, $"could not spool member: {ex.Message}", 0, headerOffset));
            }
        }
    }

    private static string Describe(TarEntryType type) => type switch
    {
        TarEntryType.SymbolicLink => "symbolic link",
        TarEntryType.HardLink => "hard link",
        TarEntryType.CharacterDevice => "character device",
        TarEntryType.BlockDevice => "block device",
        TarEntryType.Fifo => "FIFO",
        _ => $"'{type}'",
    };
}
