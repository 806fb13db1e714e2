using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using CallKitDoctor.Diagnosis;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Filtering;

namespace CallKitDoctor.Benchmarks.Sysdiagnose;

/// <summary>
/// <c>measure-sysdiagnose ARCHIVE [FOLDER]</c>: where the time of <c>diagnose ARCHIVE</c> goes, stage by stage in one
/// process: gunzip alone, the archive's entries without and with their messages (gunzip, tar walk, spooling, tracev3
/// walk), what <c>show --predicate</c> reads (the predicate pushed down; <c>FALSEPREDICATE</c> leaves only gunzip, tar
/// walk, spooling and the catalogs), the same plus coverage and signature matching, and the whole diagnosis; with FOLDER (the extracted archive),
/// the tracev3 walk alone. Wall and CPU seconds (this process), entries/s by CPU time and bytes allocated per entry.
/// </summary>
internal static class SysdiagnoseStages
{
    public static int Run(string archive, string? folder)
    {
        var stages = new List<(string Name, Func<long> Work)>
        {
            ("gunzip", () => Gunzip(archive)),
            ("archive spool only", () => ReadFiltered(archive, "FALSEPREDICATE")),
            ("archive read, callkit", () => ReadFiltered(archive, "subsystem == \"com.apple.calls.callkit\"")),
            ("archive read", () => Read(archive, ArchiveLayout.TarGzip, touchMessage: false)),
            ("archive read+message", () => Read(archive, ArchiveLayout.TarGzip, touchMessage: true)),
            ("archive read+match", () => Match(archive)),
            ("diagnose", () => Diagnose(archive)),
        };
        if (folder is not null)
        {
            stages.Insert(1, ("folder read", () => Read(folder, ArchiveLayout.Folder, touchMessage: false)));
            stages.Insert(2, ("folder read+message", () => Read(folder, ArchiveLayout.Folder, touchMessage: true)));
        }

        Console.WriteLine("stage                  count        wall_s   cpu_s    per_s(cpu)    alloc_B/entry");
        foreach (var (name, work) in stages)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var count = work();
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            var alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {count,-12} {wall,-8:F2} {cpu,-8:F2} {count / cpu,-13:F0} {alloc / (double)Math.Max(1, count),-12:F0}"));
        }

        return 0;
    }

    /// <summary>The whole diagnosis.</summary>
    private static long Diagnose(string archive)
    {
        using var source = new SysdiagnoseSource(archive, ArchiveLayout.TarGzip, new ArchiveOptions());
        return CallDiagnoser.CreateDefault().Diagnose(source).Input.Entries;
    }

    /// <summary>Decompresses the archive to nowhere; returns the uncompressed bytes.</summary>
    private static long Gunzip(string archive)
    {
        using var file = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var buffer = new byte[1 << 17];
        long total = 0;
        int read;
        while ((read = gzip.Read(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static long Read(string path, ArchiveLayout layout, bool touchMessage)
    {
        using var source = new SysdiagnoseSource(path, layout);
        long sum = 0;
        foreach (var entry in source.ReadEntries())
        {
            sum += touchMessage ? entry.EventMessage.Length : 1;
        }

        return sum >= 0 ? source.Summary.Entries : 0;
    }

    /// <summary>
    /// What <c>show ARCHIVE --predicate P</c> reads: the entries the predicate matches (each message formatted), the
    /// predicate pushed down to the reader. With <c>FALSEPREDICATE</c> every chunk is skipped: gunzip, tar walk and
    /// spooling, file opening and the catalogs. Returns the entries matched.
    /// </summary>
    private static long ReadFiltered(string archive, string predicate)
    {
        if (!EntryFilter.TryCreate(new EntryFilterOptions(predicate, Info: true, Debug: true), null, null, DateTimeOffset.UtcNow, out var filter, out var error))
        {
            throw new ArgumentException(error, nameof(predicate));
        }

        using var source = new SysdiagnoseSource(archive, ArchiveLayout.TarGzip, new ArchiveOptions { Filter = filter });
        long matched = 0;
        foreach (var entry in new FilteredEntrySource(source, filter).ReadEntries())
        {
            matched += entry.EventMessage.Length >= 0 ? 1 : 0;
        }

        return matched;
    }

    private static long Match(string archive)
    {
        using var source = new SysdiagnoseSource(archive, ArchiveLayout.TarGzip);
        var matcher = SignatureMatcher.Default;
        var coverage = new LogCoverage();
        long matched = 0;
        foreach (var entry in source.ReadEntries())
        {
            coverage.Observe(entry);
            if (matcher.Match(entry) is not null)
            {
                matched++;
            }
        }

        return matched >= 0 ? source.Summary.Entries : 0;
    }
}
