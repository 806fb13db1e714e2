using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified.Formatting;
using CallKitDoctor.Logging.Unified.Statedump;
using CallKitDoctor.Logging.Unified.Strings;
using CallKitDoctor.Logging.Unified.Time;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// Reads a tracev3 file, or every tracev3 file under a folder laid out like a logarchive (AppleDouble <c>._*</c>
/// files skipped), as <see cref="LogEntry"/> objects in file order. Format strings come from the uuidtext/dsc files,
/// wall-clock time from the timesync files (or the tracev3 header when no boot matches). Corrupt data becomes
/// <see cref="LogReadIssue"/>s naming file and byte offset; nothing is thrown for bad input.
/// </summary>
public sealed class UnifiedLogSource : ILogEntrySource
{
    private readonly string _path;
    private readonly UnifiedLogOptions _options;
    private readonly OversizeStore _oversize = new();
    private readonly Dictionary<string, string> _senderNames = new(StringComparer.Ordinal);
    private StringFileCache? _strings;

    public UnifiedLogSource(string path, UnifiedLogOptions? options = null)
    {
        _path = path;
        _options = options ?? new UnifiedLogOptions();
        Summary = new LogReadSummary { Source = path, Format = LogInputFormat.Unified };
    }

    /// <summary>Uses this string cache instead of loading files from disk (tests, tools that build strings).</summary>
    public StringFileCache? Strings
    {
        get => _strings;
        init => _strings = value;
    }

    public string Name => _path;

    public LogReadSummary Summary { get; }

    public CaptureContext Context { get; } = new();

    /// <summary>Chunk and event counts over all files read.</summary>
    public List<Tracev3Statistics> Statistics { get; } = [];

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default) => Read(cancellationToken);

    private IEnumerable<LogEntry> Read(CancellationToken cancellationToken)
    {
        var isDirectory = Directory.Exists(_path);
        var folder = isDirectory ? _path : Path.GetDirectoryName(Path.GetFullPath(_path)) ?? ".";
        _strings ??= new StringFileCache(_options.StringsDirectory ?? FindStringsDirectory(folder));
        var timesync = TimesyncDatabase.FromDirectory(_options.TimesyncDirectory ?? Path.Combine(folder, "timesync"));
        AddIssues(timesync.Errors);

        IEnumerable<string> files;
        if (isDirectory)
        {
            files = Directory.EnumerateFiles(_path, "*.tracev3", SearchOption.AllDirectories)
                .Where(static f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
        }
        else if (File.Exists(_path))
        {
            files = [_path];
        }
        else
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, _path, "no such file or folder"));
            yield break;
        }

        var list = files.ToList();
        var entries = _options.TimeOrder && list.Count > 1
            ? new TimeOrderedMerge(list, f => PeekFirstTime(f, timesync), f => ReadFile(f, timesync, cancellationToken)).Read()
            : list.SelectMany(f => ReadFile(f, timesync, cancellationToken));
        foreach (var entry in entries)
        {
            yield return entry;
        }

        if (list.Count == 0)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, _path, "no .tracev3 files found (not a logarchive or diagnostics folder?)"));
        }

        AddIssues(_strings.Errors);
    }

    private IEnumerable<LogEntry> ReadFile(string file, TimesyncDatabase timesync, CancellationToken cancellationToken)
    {
        var reader = TryOpen(file, _oversize, Summary);
        if (reader is null)
        {
            yield break;
        }

        var shown = _options.DisplayPath?.Invoke(file) ?? file;
        using (reader)
        {
            TimesyncBoot? boot = null;
            var bootResolved = false;
            while (reader.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var header = reader.Header;
                if (!bootResolved && header is not null)
                {
                    bootResolved = true;
                    boot = timesync.TryGetBoot(header.BootUuid, out var b) ? b : null;
                    Context.OsBuild ??= header.BuildVersion.Length > 0 ? header.BuildVersion : null;
                    Context.DeviceModel ??= header.HardwareModel.Length > 0 ? header.HardwareModel : null;
                    Context.TimeZoneName ??= header.TimeZoneName.Length > 0 ? header.TimeZoneName : null;
                }

                var entry = CreateEntry(reader, header, boot, shown);
                Summary.Entries++;
                yield return entry;
            }

            Summary.Bytes += new FileInfo(file).Length;
            Statistics.Add(reader.Statistics);
            AddIssues(reader.Errors);
        }
    }

    /// <summary>The time of a file's first event (null when it has none or cannot be opened); the file is closed again.</summary>
    private static LogTimestamp? PeekFirstTime(string file, TimesyncDatabase timesync)
    {
        using var reader = TryOpen(file, new OversizeStore(), summary: null);
        if (reader is null || !reader.MoveNext())
        {
            return null;
        }

        var header = reader.Header;
        var boot = header is not null && timesync.TryGetBoot(header.BootUuid, out var b) ? b : null;
        return ToTimestamp(reader.Current.MachTime, header, boot);
    }

    private static Tracev3Reader? TryOpen(string file, OversizeStore oversize, LogReadSummary? summary)
    {
        try
        {
            return Tracev3Reader.Open(file, oversize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            summary?.Add(new LogReadIssue(LogReadIssueSeverity.Error, file, ex.Message, 0, 0));
            return null;
        }
    }

    private static string? FindStringsDirectory(string folder)
    {
        var nested = Path.Combine(folder, "uuidtext");
        if (Directory.Exists(nested))
        {
            return nested;
        }

        var parentNested = Path.Combine(folder, "..", "uuidtext");
        return Directory.Exists(parentNested) ? Path.GetFullPath(parentNested) : folder;
    }

    private void AddIssues(UnifiedErrorLog errors)
    {
        foreach (var error in errors.Errors)
        {
            Summary.Add(error.ToIssue());
        }

        if (errors.Count > errors.Errors.Count)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, errors.Errors[^1].File,
                $"{errors.Count - errors.Errors.Count} further errors not listed"));
        }
    }

    private UnifiedLogEntry CreateEntry(Tracev3Reader reader, TraceHeader? header, TimesyncBoot? boot, string file)
    {
        ref readonly var e = ref reader.Current;
        var process = e.Process;
        var strings = _strings!;
        var mainText = process is null ? null : strings.GetUuidText(process.MainUuid);
        var senderUuid = e.Kind == TraceEventKind.StateDump ? e.DumpUuid : e.SenderImageUuid;
        string? senderPath = null;
        string? format = null;
        string? message = null;

        switch (e.Kind)
        {
            case TraceEventKind.StateDump:
                message = StatedumpMessage.Format(e.DumpName, e.DumpDataType, e.DumpLibrary, e.DumpType, reader.CurrentDumpData);
                break;
            case TraceEventKind.SimpleDump:
                message = e.DumpMessage ?? string.Empty;
                break;
            case TraceEventKind.Loss:
                message = $"lost {e.LossCount} unreliable messages";
                break;
            default:
                format = ResolveFormat(e, strings, ref senderUuid, out senderPath, out message, out var missingImage);
                if (missingImage)
                {
                    message = MessagePlaceholders.MissingImage;
                }

                break;
        }

        var timestamp = ToTimestamp(e.MachTime, header, boot);
        var items = message is null ? reader.CurrentItems.ToArray() : null;
        var privateData = message is null ? TracepointPrivateData(reader) : null;
        var processPath = mainText?.ImagePath;
        var subsystem = e.Kind == TraceEventKind.SimpleDump ? e.DumpName : e.Subsystem?.Subsystem;
        var joinsOversize = message is null && (e.Flags & TracepointFlags.HasDataReference) != 0 && e.Kind is TraceEventKind.Log or TraceEventKind.Signpost;
        return new UnifiedLogEntry(message, items, privateData, joinsOversize ? _oversize : null, e.FirstProcId, e.SecondProcId, e.DataReference)
        {
            Timestamp = timestamp,
            ProcessImagePath = processPath,
            ProcessId = e.Process is null ? null : (int)e.Process.ProcessId,
            ThreadId = (long)e.ThreadId,
            SenderImagePath = senderPath,
            Sender = senderPath is null ? null : SenderName(senderPath),
            Subsystem = string.IsNullOrEmpty(subsystem) ? null : subsystem,
            Category = string.IsNullOrEmpty(e.Subsystem?.Category) ? null : e.Subsystem.Category,
            Level = UnifiedEntryMapping.ToLevel(e),
            EventType = UnifiedEntryMapping.ToEventType(e),
            FormatString = format,
            ActivityIdentifier = e.ActivityId,
            ParentActivityIdentifier = e.Kind == TraceEventKind.Activity ? e.OtherActivityId : 0,
            TraceId = e.TraceId,
            MachTimestamp = e.MachTime,
            SenderProgramCounter = e.SenderProgramCounter,
            BootUuid = header?.BootUuid,
            ProcessImageUuid = e.Process?.MainUuid,
            SenderImageUuid = senderUuid == Guid.Empty ? null : senderUuid,
            TimeZoneName = header?.TimeZoneName is { Length: > 0 } zone ? zone : null,
            Backtrace = (e.Flags & TracepointFlags.HasBacktrace) != 0 ? BacktraceReader.Read(reader.CurrentItems) : null,
            Location = InputLocation.Binary(file, e.ChunkFileOffset),
        };
    }

    private string SenderName(string path)
    {
        if (!_senderNames.TryGetValue(path, out var name))
        {
            name = Path.GetFileName(path);
            _senderNames[path] = name;
        }

        return name;
    }

    private static LogTimestamp? ToTimestamp(ulong machTime, TraceHeader? header, TimesyncBoot? boot)
    {
        if (header is null && boot is null)
        {
            return null;
        }

        var ns = boot is not null ? boot.ToUnixNanoseconds(machTime) : header!.FallbackUnixNanoseconds(machTime);
        var offset = header is null
            ? TimeSpan.Zero
            : TimeSpan.FromMinutes(Math.Clamp(-header.TimeZoneOffsetMinutes + (header.DaylightSavings != 0 ? 60 : 0), -1080, 1080));
        // Every 64-bit nanosecond count lies within DateTime's range.
        return LogTimestamp.FromUnixNanoseconds(ns, offset);
    }

    private static byte[]? TracepointPrivateData(Tracev3Reader reader)
    {
        ref readonly var e = ref reader.Current;
        if ((e.Flags & TracepointFlags.HasPrivateData) == 0 || e.PrivateDataLength == 0)
        {
            return null;
        }

        var start = e.PrivateRangeOffset - e.PrivateDataVirtualOffset;
        var all = reader.CurrentPrivateData;
        return start >= 0 && start <= all.Length ? all.Slice(start, Math.Min(e.PrivateRangeSize, all.Length - start)).ToArray() : null;
    }

    private static string? ResolveFormat(in TraceEvent e, StringFileCache strings, ref Guid senderUuid, out string? senderPath, out string? placeholder, out bool missingImage)
    {
        senderPath = null;
        placeholder = null;
        missingImage = false;
        if (e.Kind == TraceEventKind.Activity && e.FormatStringReference == 0)
        {
            placeholder = string.Empty;
            return null;
        }

        switch (e.StringsFileType)
        {
            case StringsFileType.SharedCache or StringsFileType.LargeSharedCache:
                var dsc = e.Process is null ? null : strings.GetSharedCache(e.Process.DscUuid);
                if (dsc is null)
                {
                    missingImage = true;
                    return null;
                }

                var dscFormat = e.IsDynamicFormat ? "%s" : strings.GetFormat(dsc, e.FormatStringOffset, out var image);
                if (!e.IsDynamicFormat && dsc.TryGetImage(e.SenderProgramCounter, out var sender))
                {
                    senderUuid = sender.Uuid;
                    senderPath = sender.Path;
                }

                placeholder = dscFormat is null ? MessagePlaceholders.MissingData : null;
                return dscFormat;
            default:
                var text = strings.GetUuidText(senderUuid);
                if (text is null)
                {
                    missingImage = true;
                    return null;
                }

                senderPath = text.ImagePath;
                var format = e.IsDynamicFormat ? "%s" : strings.GetFormat(text, e.FormatStringOffset);
                placeholder = format is null ? MessagePlaceholders.MissingData : null;
                return format;
        }
    }
}
