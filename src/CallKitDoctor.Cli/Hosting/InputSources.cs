using CallKitDoctor.Cli.Progress;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified;

namespace CallKitDoctor.Cli.Hosting;

/// <summary>
/// Opens an input for <c>show</c> and <c>diagnose</c> with the filter passed to the reader as a skip hint
/// (<see cref="UnifiedLogOptions.Filter"/>, <see cref="ArchiveOptions.Filter"/>) and applied on what comes out
/// (<see cref="FilteredEntrySource"/>), and with the read counted by a <see cref="ProgressMeter"/>.
/// </summary>
internal static class InputSources
{
    /// <summary>
    /// Opens <paramref name="path"/>: through <see cref="LogSources"/> (text, tracev3, sysdiagnose folder or archive),
    /// or, when <paramref name="unified"/> is given, as tracev3 files with those options.
    /// </summary>
    /// <remarks>
    /// <paramref name="resolveFilter"/>, for sysdiagnose and logarchive inputs read through <see cref="SysdiagnoseSource"/>,
    /// gives the reader its filter once the logarchive is on disk (see <see cref="ArchiveOptions.ResolveFilter"/>).
    /// </remarks>
    /// <exception cref="FileNotFoundException">The path names no file or directory.</exception>
    public static ILogEntrySource Open(string path, LogInputFormat format, EntryFilter? filter, ProgressMeter? meter, UnifiedLogOptions? unified = null,
        Func<string, EntryFilter?>? resolveFilter = null)
    {
        var metered = meter is { IsActive: true } ? meter : null;
        ILogEntrySource source;
        if (unified is not null)
        {
            source = new UnifiedLogSource(path, new UnifiedLogOptions
            {
                StringsDirectory = unified.StringsDirectory,
                TimesyncDirectory = unified.TimesyncDirectory,
                TimeOrder = unified.TimeOrder,
                DisplayPath = unified.DisplayPath,
                Filter = filter,
            });
        }
        else
        {
            source = metered is null ? LogSources.Open(path, format) : LogSources.OpenObserved(path, format, metered.Observe);
            source = source switch
            {
                SysdiagnoseSource archive => new SysdiagnoseSource(path, archive.Layout, new ArchiveOptions
                {
                    Filter = filter,
                    ResolveFilter = resolveFilter,
                    Progress = metered is null ? null : metered.ArchiveBytes,
                }),
                UnifiedLogSource when filter is not null => new UnifiedLogSource(path, new UnifiedLogOptions { Filter = filter }),
                _ => source,
            };
        }

        if (metered is not null)
        {
            source = new MeteredEntrySource(source, metered);
        }

        return filter is null ? source : new FilteredEntrySource(source, filter);
    }

    /// <summary>
    /// The bytes a progress display counts for <paramref name="path"/> (0 when unknown: standard input), and whether they
    /// are measured from binary entries' file offsets (tracev3 files and folders) rather than through the read stream.
    /// </summary>
    public static (long TotalBytes, bool FromEntryOffsets) Measure(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var total = 0L;
                foreach (var file in Directory.EnumerateFiles(path, "*.tracev3", new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.ReparsePoint,
                    IgnoreInaccessible = true,
                }))
                {
                    total += new FileInfo(file).Length;
                }

                return (total, true);
            }

            if (path != "-" && File.Exists(path))
            {
                return (new FileInfo(path).Length, ArchiveDetector.Detect(path) is null);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Progress is a nicety: an input that cannot be measured is shown without a total.
        }

        return (0, false);
    }
}
