using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Filtering;
using CallKitDoctor.Logging.Output;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Threading;
using CallKitDoctor.Logging.Unified.Direct;
using CallKitDoctor.Logging.Unified.Formatting;
using CallKitDoctor.Logging.Unified.Merge;
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

    private const int ReadAheadBatchSize = 128;
    private const int ReadAheadBatches = 4;

    /// <summary>Statedump data longer than this is kept as bytes and formatted when the message is first used.</summary>
    private const int DeferredDumpBytes = 1024;

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

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default) =>
        _options.ReadAhead && ReadAhead.IsWorthIt
            ? ReadAheadEntries.Run(token => Read(eagerMessages: true, token), ReadAheadBatchSize, ReadAheadBatches, cancellationToken)
            : Read(eagerMessages: false, cancellationToken);

    private IEnumerable<LogEntry> Read(bool eagerMessages, CancellationToken cancellationToken)
    {
        if (!ListFiles(report: true, out var timesync, out var list, out var found, out var filter))
        {
            yield break;
        }

        IEnumerable<LogEntry> entries;
        if (_options.TimeOrder && list.Count > 1)
        {
            var merge = new TimeOrderedMerge(list, f => PeekFirstTime(f, timesync), f => OpenForMerge(f, timesync, filter, eagerMessages, cancellationToken))
            {
                LiveReaderLimit = MergeLiveReaderLimit ?? TimeOrderedMerge.DefaultLiveReaderLimit,
                ByteBudget = MergeByteBudget ?? TimeOrderedMerge.DefaultByteBudget,
            };
            LastMerge = merge;
            entries = merge.Read();
        }
        else
        {
            entries = list.SelectMany(f => ReadFile(f, timesync, filter, eagerMessages, cancellationToken));
        }

        foreach (var entry in entries)
        {
            yield return entry;
        }

        EndRead(found);
    }

    /// <summary>
    /// Writes the entries that pass <see cref="UnifiedLogOptions.Filter"/> in <paramref name="writer"/>'s style, the
    /// same bytes as writing each entry of <see cref="ReadEntries"/> that the filter matches. Without a predicate, events
    /// go straight from the reader to the writer: no <see cref="LogEntry"/> and no message string per event, and the
    /// reading and formatting run on a worker thread (as <see cref="UnifiedLogOptions.ReadAhead"/>) while the caller
    /// writes. In time order, files whose catalogued spans follow each other are read one after the other; files that
    /// overlap are merged event by event (<see cref="EventMerge"/>, one reader per open file, nothing kept per event).
    /// With a predicate, through the entries.
    /// </summary>
    /// <param name="writer">The JSON/ndjson writer (its trailer is left to the caller).</param>
    /// <param name="progress">Called once per entry written with an entry standing for where the read is (its
    /// <see cref="LogEntry.Location"/>), or null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The number of entries written.</returns>
    public long WriteJson(JsonEntryWriter writer, Action<LogEntry>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var filter = _options.Filter is { } f && !ReferenceEquals(f, EntryFilter.All) ? f : null;
        IReadOnlyList<string>? order = null;
        var interleaved = false;
        if (_options.TimeOrder && ListFiles(report: false, out var timesync, out var files, out _, out _) && files.Count > 1)
        {
            order = FilesOneAfterAnother(files, timesync);
            interleaved = order is null;
        }

        if (filter?.Predicate is not null)
        {
            return WriteEntries(writer, filter, progress, cancellationToken);
        }

        var written = 0L;
        var readAhead = _options.ReadAhead && ReadAhead.IsWorthIt;
        DirectBatchPipe.Run(
            (pipe, token) => ProduceDirect(pipe, order, interleaved, progress is not null, token),
            batch =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (batch.Entry(i) is { } entry)
                    {
                        writer.Write(entry);
                    }
                    else
                    {
                        writer.WriteEscaped(batch.Fields(i), batch.EscapedMessage(i));
                    }
                }

                written += batch.Count;
                if (progress is not null)
                {
                    var marker = new LogEntry { Location = batch.LastLocation };
                    for (var i = 0; i < batch.Count; i++)
                    {
                        progress(marker);
                    }
                }
            },
            readAhead ? DirectBatches : 1,
            cancellationToken);
        return written;
    }

    private const int DirectBatches = 4;

    /// <summary>
    /// Largest message builder the direct path keeps for the next event (statedump texts run to about 60 K chars; a
    /// builder given up for each would put its text on the large-object heap once per dump).
    /// </summary>
    private const int MaxKeptMessageChars = 256 * 1024;

    /// <summary>Entries the last <see cref="WriteJson"/> sent the direct way (not through entries).</summary>
    internal long DirectEntries { get; private set; }

    private long WriteEntries(JsonEntryWriter writer, EntryFilter? filter, Action<LogEntry>? progress, CancellationToken cancellationToken)
    {
        var written = 0L;
        foreach (var entry in ReadEntries(cancellationToken))
        {
            progress?.Invoke(entry);
            if (filter is not null && !filter.Matches(entry))
            {
                continue;
            }

            writer.Write(entry);
            written++;
        }

        return written;
    }

    /// <summary>
    /// The direct path's reading side: every file in turn (in name order, or in <paramref name="order"/>), or with
    /// <paramref name="merge"/> the files' events merged in time order (<see cref="EventMerge"/>), each passing event
    /// added to the pipe's batch.
    /// </summary>
    private void ProduceDirect(DirectBatchPipe pipe, IReadOnlyList<string>? order, bool merge, bool trackLocation, CancellationToken cancellationToken)
    {
        if (!ListFiles(report: true, out var timesync, out var list, out var found, out var filter))
        {
            return;
        }

        var message = new StringBuilder(256);
        if (merge && list.Count > 1)
        {
            var events = new EventMerge(list, f => PeekFirstTime(f, timesync), (f, rank) => OpenCursor(f, rank, timesync, filter))
            {
                LiveReaderLimit = MergeLiveReaderLimit ?? EventMerge.DefaultLiveReaderLimit,
                WindowBudget = MergeWindowBudget ?? EventMerge.DefaultWindowBudget,
            };
            LastEventMerge = events;
            events.Run(
                () => pipe.Current,
                (cursor, batch) => AddEvent(batch, cursor.Reader, cursor.Walk, cursor.Shown, ref message, trackLocation),
                static (cursor, textRoom) => TooLargeForWindow(cursor.Reader, textRoom),
                () =>
                {
                    if (pipe.Current.IsFull)
                    {
                        pipe.HandOver(cancellationToken);
                    }
                },
                cursor => EndFile(cursor.File, cursor.Reader),
                cancellationToken);
            EndRead(found);
            return;
        }

        foreach (var file in order ?? list)
        {
            var reader = TryOpen(file, _oversize, Summary);
            if (reader is null)
            {
                continue;
            }

            var shown = _options.DisplayPath?.Invoke(file) ?? file;
            using (reader)
            {
                var walk = StartFile(reader, timesync, filter);
                while (walk.MoveNext(cancellationToken))
                {
                    _ = AddEvent(pipe.Current, reader, walk, shown, ref message, trackLocation);
                    if (pipe.Current.IsFull)
                    {
                        pipe.HandOver(cancellationToken);
                    }
                }

                EndFile(file, reader);
            }
        }

        EndRead(found);
    }

    /// <summary>
    /// Whether the reader's current event may have a message too long for a window with <paramref name="textRoom"/>
    /// bytes of text: its statedump data or its items take more than half of it (a message runs to about its data's
    /// length, more when escaped). The direct merge renders such events from the reader when their turn comes.
    /// </summary>
    private static bool TooLargeForWindow(Tracev3Reader reader, int textRoom)
    {
        ref readonly var e = ref reader.Current;
        return 2L * (e.Kind == TraceEventKind.StateDump ? e.DumpDataLength : e.ItemsLength) > textRoom;
    }

    /// <summary>Opens a file for the direct merge (null, with an issue, when it cannot be opened).</summary>
    private EventCursor? OpenCursor(string file, int rank, TimesyncDatabase timesync, EntryFilter? filter)
    {
        var reader = TryOpen(file, _oversize, Summary);
        if (reader is null)
        {
            return null;
        }

        reader.KeepEarlierCatalogs = false;
        return new EventCursor(reader, StartFile(reader, timesync, filter), file, _options.DisplayPath?.Invoke(file) ?? file, rank);
    }

    /// <summary>
    /// Adds the reader's current event to <paramref name="batch"/> (fields and escaped message; an entry when its
    /// message waits for an oversize chunk); false, with nothing added or counted, when the batch is a window without
    /// room for the message (<see cref="DirectBatch.TextRoom"/>).
    /// </summary>
    private bool AddEvent(DirectBatch batch, Tracev3Reader reader, EventWalk walk, string shown, ref StringBuilder message, bool trackLocation)
    {
        var fields = DescribeEvent(reader, walk.Header, walk.Timestamp, formatDumpsUpTo: -1, out var fixedMessage);
        ref readonly var e = ref reader.Current;
        bool added;
        if (fixedMessage is not null)
        {
            added = batch.Add(fields, fixedMessage);
        }
        else if (e.Kind == TraceEventKind.StateDump)
        {
            // A large statedump's text (tens of KB) goes through the reused builder, not a string per dump.
            message.Clear();
            StatedumpMessage.Append(message, e.DumpName, e.DumpDataType, e.DumpLibrary, e.DumpType, reader.CurrentDumpData);
            added = batch.Add(fields, message);
        }
        else if (JoinsOversize(e, null))
        {
            batch.Add(CreateEntry(reader, walk.Header, walk.Timestamp, shown, formatNow: false));
            added = true;
        }
        else if (fields.FormatString is not { } format)
        {
            added = batch.Add(fields, ReadOnlySpan<char>.Empty);
        }
        else
        {
            message.Clear();
            OsLogFormatter.Format(format, reader.CurrentItems, TracepointPrivateSpan(reader), message);
            added = batch.Add(fields, message);
        }

        if (message.Capacity > MaxKeptMessageChars)
        {
            message = new StringBuilder(256);
        }

        if (!added)
        {
            // A window without room for the message: the merge renders the event from the reader when its turn comes.
            return false;
        }

        if (trackLocation)
        {
            batch.LastLocation = InputLocation.Binary(shown, e.ChunkFileOffset, e.InnerOffset);
            batch.SetLocation(batch.LastLocation);
        }

        Summary.Entries++;
        DirectEntries++;
        return true;
    }

    /// <summary>
    /// The files in the order of their catalogued time spans when those do not overlap (each file's last catalogued
    /// event strictly before the next file's first): then the time-ordered merge writes one whole file after the other
    /// in that order, so the direct path can too. Null when any span is unknown or two overlap (the merge interleaves).
    /// </summary>
    private static List<string>? FilesOneAfterAnother(List<string> files, TimesyncDatabase timesync)
    {
        var spans = new List<(string File, MergeKey First, MergeKey Last)>(files.Count);
        foreach (var file in files)
        {
            if (CatalogTimes.Read(file, timesync) is not { First: { } first, Last: { } last })
            {
                return null;
            }

            spans.Add((file, MergeKey.Of(first, 0), MergeKey.Of(last, 0)));
        }

        spans.Sort(static (a, b) => a.First.CompareTime(b.First));
        for (var i = 1; i < spans.Count; i++)
        {
            if (spans[i - 1].Last.CompareTime(spans[i].First) >= 0)
            {
                return null;
            }
        }

        return spans.ConvertAll(static s => s.File);
    }

    /// <summary>
    /// Lists the tracev3 files to read (in name order; those the filter's start rules out left out) and loads the
    /// timesync data; false (with an issue) when the path names nothing.
    /// </summary>
    private bool ListFiles(bool report, out TimesyncDatabase timesync, out List<string> list, out int found, out EntryFilter? filter)
    {
        var isDirectory = Directory.Exists(_path);
        var folder = isDirectory ? _path : Path.GetDirectoryName(Path.GetFullPath(_path)) ?? ".";
        _strings ??= new StringFileCache(_options.StringsDirectory ?? FindStringsDirectory(folder));
        timesync = TimesyncDatabase.FromDirectory(_options.TimesyncDirectory ?? Path.Combine(folder, "timesync"));
        if (report)
        {
            AddIssues(timesync.Errors);
        }

        filter = _options.Filter is { } f && !ReferenceEquals(f, EntryFilter.All) ? f : null;

        if (isDirectory)
        {
            list = Directory.EnumerateFiles(_path, "*.tracev3", SearchOption.AllDirectories)
                .Where(static f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        else if (File.Exists(_path))
        {
            list = [_path];
        }
        else
        {
            if (report)
            {
                Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, _path, "no such file or folder"));
            }

            list = [];
            found = 0;
            return false;
        }

        found = list.Count;
        if (filter?.Range.Start is { } start)
        {
            var kept = FilesReachingStart(list, start, timesync);
            if (report)
            {
                SkippedFiles += list.Count - kept.Count;
            }

            list = kept;
        }

        return true;
    }

    /// <summary>What is said once every file was read: no files found, string-file errors.</summary>
    private void EndRead(int found)
    {
        if (found == 0)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, _path, "no .tracev3 files found (not a logarchive or diagnostics folder?)"));
        }

        AddIssues(_strings!.Errors);
    }

    /// <summary>Overrides <see cref="TimeOrderedMerge.LiveReaderLimit"/> and <see cref="EventMerge.LiveReaderLimit"/> (tests).</summary>
    internal int? MergeLiveReaderLimit { get; init; }

    /// <summary>Overrides <see cref="EventMerge.WindowBudget"/> (tests).</summary>
    internal long? MergeWindowBudget { get; init; }

    /// <summary>Overrides <see cref="TimeOrderedMerge.ByteBudget"/> (tests).</summary>
    internal long? MergeByteBudget { get; init; }

    /// <summary>The direct merge of the last time-ordered <see cref="WriteJson"/> of overlapping files (its figures).</summary>
    internal EventMerge? LastEventMerge { get; private set; }

    /// <summary>The merge of the last time-ordered read (its figures: open files, live readers, buffered entries).</summary>
    internal TimeOrderedMerge? LastMerge { get; private set; }

    /// <summary>Files skipped because the time filter starts after them (see <see cref="FilesReachingStart"/>).</summary>
    public int SkippedFiles { get; private set; }

    /// <summary>
    /// Drops the files whose every entry lies before <paramref name="start"/>. The files of one store folder are written
    /// one after the other: a file is closed before the next one is created, so each of its entries was logged before
    /// the next file's header time. A file is dropped when the next file of its folder (in name order) was created
    /// before <paramref name="start"/>; the last file of a folder is always read.
    /// </summary>
    private List<string> FilesReachingStart(List<string> files, DateTimeOffset start, TimesyncDatabase timesync)
    {
        var kept = new List<string>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var next = i + 1 < files.Count ? files[i + 1] : null;
            if (next is not null &&
                string.Equals(Path.GetDirectoryName(files[i]), Path.GetDirectoryName(next), StringComparison.Ordinal) &&
                CreationTime(next, timesync) is { Instant: { } created } && created < start)
            {
                continue;
            }

            kept.Add(files[i]);
        }

        return kept;
    }

    /// <summary>The wall-clock time a tracev3 file was created (its header's continuous time); null when unknown.</summary>
    private static LogTimestamp? CreationTime(string file, TimesyncDatabase timesync)
    {
        using var reader = TryOpen(file, new OversizeStore(), summary: null);
        if (reader?.PeekHeader() is not { } header)
        {
            return null;
        }

        var boot = timesync.TryGetBoot(header.BootUuid, out var b) ? b : null;
        return ToTimestamp(header.ContinuousTime, header, boot);
    }

    /// <summary>A file's entries for the time-ordered merge, with a way to park its reader between batches.</summary>
    private MergeInput OpenForMerge(string file, TimesyncDatabase timesync, EntryFilter? filter, bool eagerMessages,
        CancellationToken cancellationToken)
    {
        Tracev3Reader? reader = null;
        var entries = ReadFile(file, timesync, filter, eagerMessages, cancellationToken, opened =>
        {
            opened.KeepEarlierCatalogs = false;
            reader = opened;
        });
        return new MergeInput(entries, () => reader?.Park());
    }

    private IEnumerable<LogEntry> ReadFile(string file, TimesyncDatabase timesync, EntryFilter? filter, bool eagerMessages,
        CancellationToken cancellationToken, Action<Tracev3Reader>? opened = null)
    {
        var reader = TryOpen(file, _oversize, Summary);
        if (reader is null)
        {
            yield break;
        }

        opened?.Invoke(reader);

        var shown = _options.DisplayPath?.Invoke(file) ?? file;
        using (reader)
        {
            var walk = StartFile(reader, timesync, filter);
            while (walk.MoveNext(cancellationToken))
            {
                var entry = CreateEntry(reader, walk.Header, walk.Timestamp, shown, eagerMessages && filter is null);
                if (filter?.Predicate is { } predicate && predicate.PreCheck(entry) == FilterDecision.Reject)
                {
                    continue;
                }

                Summary.Entries++;
                yield return entry;
            }

            EndFile(file, reader);
        }
    }

    /// <summary>Notes the capture's facts from a file's header and starts the filtered walk over its events.</summary>
    private EventWalk StartFile(Tracev3Reader reader, TimesyncDatabase timesync, EntryFilter? filter)
    {
        var walk = new EventWalk(reader, timesync, filter, ProcessImagePath);
        var header = walk.Header;
        Context.OsBuild ??= header?.BuildVersion is { Length: > 0 } build ? build : null;
        Context.DeviceModel ??= header?.HardwareModel is { Length: > 0 } model ? model : null;
        Context.TimeZoneName ??= header?.TimeZoneName is { Length: > 0 } zone ? zone : null;
        return walk;
    }

    /// <summary>Counts a file read to its end: its bytes, statistics and errors.</summary>
    private void EndFile(string file, Tracev3Reader reader)
    {
        Summary.Bytes += new FileInfo(file).Length;
        Statistics.Add(reader.Statistics);
        AddIssues(reader.Errors);
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

    /// <summary>
    /// Builds the entry of the reader's current event. With <paramref name="formatNow"/>, the message is formatted at
    /// once from the reader's buffer (no copy of the items); otherwise the items are copied and the message is built
    /// on first use. Entries whose items sit in an oversize chunk are always formatted on first use.
    /// </summary>
    private UnifiedLogEntry CreateEntry(Tracev3Reader reader, TraceHeader? header, LogTimestamp? timestamp, string file, bool formatNow)
    {
        var fields = DescribeEvent(reader, header, timestamp, formatDumpsUpTo: DeferredDumpBytes, out var message);
        ref readonly var e = ref reader.Current;
        Func<byte[], string>? deferred = null;
        byte[]? dumpData = null;
        if (e.Kind == TraceEventKind.StateDump && message is null)
        {
            // Its text runs to several times the data: keep the data until the message is written, so entries
            // waiting in a merge window (or a read-ahead batch) hold the smaller form.
            var (title, dataType, library, type) = (e.DumpName, e.DumpDataType, e.DumpLibrary, e.DumpType);
            dumpData = reader.CurrentDumpData.ToArray();
            deferred = data => StatedumpMessage.Format(title, dataType, library, type, data);
        }

        var format = fields.FormatString;
        var joinsOversize = JoinsOversize(e, message);
        if (formatNow && message is null && deferred is null && !joinsOversize)
        {
            message = format is null ? string.Empty : OsLogFormatter.Format(format, reader.CurrentItems, TracepointPrivateSpan(reader));
        }

        var items = deferred is not null ? dumpData : message is null ? reader.CurrentItems.ToArray() : null;
        var privateData = message is null && deferred is null ? TracepointPrivateSpan(reader).ToArray() : null;
        var senderPath = fields.SenderImagePath;
        return new UnifiedLogEntry(message, items, privateData, joinsOversize ? _oversize : null, e.FirstProcId, e.SecondProcId, e.DataReference, deferred)
        {
            Timestamp = fields.Timestamp,
            ProcessImagePath = fields.ProcessImagePath,
            ProcessId = fields.ProcessId,
            ThreadId = fields.ThreadId,
            SenderImagePath = senderPath,
            Sender = senderPath is null ? null : SenderName(senderPath),
            Subsystem = fields.Subsystem,
            Category = fields.Category,
            Level = fields.Level,
            EventType = fields.EventType,
            FormatString = format,
            ActivityIdentifier = fields.ActivityIdentifier,
            ParentActivityIdentifier = fields.ParentActivityIdentifier,
            TraceId = fields.TraceId,
            MachTimestamp = fields.MachTimestamp,
            SenderProgramCounter = fields.SenderProgramCounter,
            BootUuid = fields.BootUuid,
            ProcessImageUuid = fields.ProcessImageUuid,
            SenderImageUuid = fields.SenderImageUuid,
            TimeZoneName = fields.TimeZoneName,
            Backtrace = fields.Backtrace,
            Location = InputLocation.Binary(file, e.ChunkFileOffset, e.InnerOffset),
        };
    }

    /// <summary>True when the event's items are in an oversize chunk (its message is built once that chunk is read).</summary>
    private static bool JoinsOversize(in TraceEvent e, string? message) =>
        message is null && (e.Flags & TracepointFlags.HasDataReference) != 0 && e.Kind is TraceEventKind.Log or TraceEventKind.Signpost;

    /// <summary>
    /// The printed fields of the reader's current event, and its message when that is a fixed text (a placeholder, a
    /// simple dump, a loss record, a statedump's text): null when it is formatted from
    /// <see cref="EntryFields.FormatString"/> and the items, or for a statedump with more than
    /// <paramref name="formatDumpsUpTo"/> bytes of data (the direct path passes -1 and writes every dump's text into its
    /// reused builder; the entry path defers dumps over <see cref="DeferredDumpBytes"/>).
    /// </summary>
    private EntryFields DescribeEvent(Tracev3Reader reader, TraceHeader? header, LogTimestamp? timestamp, int formatDumpsUpTo, out string? message)
    {
        ref readonly var e = ref reader.Current;
        var process = e.Process;
        var strings = _strings!;
        var mainText = process is null ? null : strings.GetUuidText(process.MainUuid);
        var senderUuid = e.Kind == TraceEventKind.StateDump ? e.DumpUuid : e.SenderImageUuid;
        string? senderPath = null;
        string? format = null;
        message = null;

        switch (e.Kind)
        {
            case TraceEventKind.StateDump when reader.CurrentDumpData.Length > formatDumpsUpTo:
                break;
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

        var subsystem = e.Kind == TraceEventKind.SimpleDump ? e.DumpName : e.Subsystem?.Subsystem;
        return new EntryFields
        {
            Timestamp = timestamp,
            ProcessImagePath = mainText?.ImagePath,
            ProcessId = process is null ? null : (int)process.ProcessId,
            ThreadId = (long)e.ThreadId,
            SenderImagePath = senderPath,
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
            ProcessImageUuid = process?.MainUuid,
            SenderImageUuid = senderUuid == Guid.Empty ? null : senderUuid,
            TimeZoneName = header?.TimeZoneName is { Length: > 0 } zone ? zone : null,
            Backtrace = (e.Flags & TracepointFlags.HasBacktrace) != 0 ? BacktraceReader.Read(reader.CurrentItems) : null,
        };
    }

    /// <summary>The executable path entries of a process with this main UUID get (null when its uuidtext file is missing).</summary>
    private string? ProcessImagePath(Guid mainUuid) => _strings!.GetUuidText(mainUuid)?.ImagePath;

    private string SenderName(string path)
    {
        if (!_senderNames.TryGetValue(path, out var name))
        {
            name = Path.GetFileName(path);
            _senderNames[path] = name;
        }

        return name;
    }

    internal static LogTimestamp? ToTimestamp(ulong machTime, TraceHeader? header, TimesyncBoot? boot)
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

    private static ReadOnlySpan<byte> TracepointPrivateSpan(Tracev3Reader reader)
    {
        ref readonly var e = ref reader.Current;
        if ((e.Flags & TracepointFlags.HasPrivateData) == 0 || e.PrivateDataLength == 0)
        {
            return default;
        }

        var start = e.PrivateRangeOffset - e.PrivateDataVirtualOffset;
        var all = reader.CurrentPrivateData;
        return start >= 0 && start <= all.Length ? all.Slice(start, Math.Min(e.PrivateRangeSize, all.Length - start)) : default;
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
