using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// Watches the entries of a logarchive go by and keeps, per store (from the tracev3 file's folder) and per boot UUID,
/// the earliest and latest wall time and the entry count. Work per entry: one reference comparison in the common case.
/// </summary>
internal sealed class StoreWindowCollector
{
    private readonly string _rootWithSeparator;
    private readonly Dictionary<LogStoreKind, TimeWindowAccumulator> _stores = [];
    private readonly Dictionary<Guid, TimeWindowAccumulator> _boots = [];
    private string? _lastFile;
    private TimeWindowAccumulator? _lastStore;

    public StoreWindowCollector(string logArchiveRoot)
    {
        _rootWithSeparator = Path.GetFullPath(logArchiveRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
    }

    /// <summary>
    /// Which store a tracev3 file belongs to: the folder it sits in directly under the logarchive root (the path may be
    /// a real path under <c>logArchiveRoot</c> or the display path an archive cites, <c>archive.tar.gz/…/Persist/x.tracev3</c>).
    /// </summary>
    public LogStoreKind StoreOf(string file)
    {
        if (Path.GetFileName(file).Equals(LogStorePaths.LiveDataFileName, StringComparison.OrdinalIgnoreCase))
        {
            return LogStoreKind.LiveData;
        }

        var full = Path.GetFullPath(file);
        if (full.StartsWith(_rootWithSeparator, StringComparison.Ordinal))
        {
            var relative = full[_rootWithSeparator.Length..];
            var slash = relative.IndexOf(Path.DirectorySeparatorChar);
            return LogStorePaths.FolderKind(slash < 0 ? string.Empty : relative.AsSpan(0, slash));
        }

        return LogStorePaths.FolderKind(Path.GetFileName(Path.GetDirectoryName(file.AsSpan())));
    }

    public void Observe(LogEntry entry)
    {
        var file = entry.Location.Source;
        if (!ReferenceEquals(file, _lastFile))
        {
            _lastFile = file;
            var kind = StoreOf(file);
            if (!_stores.TryGetValue(kind, out var store))
            {
                store = new TimeWindowAccumulator();
                _stores[kind] = store;
            }

            store.Files.Add(file);
            _lastStore = store;
        }

        var instant = entry.Timestamp?.Instant;
        _lastStore!.Add(instant);
        if (entry.BootUuid is { } boot)
        {
            if (!_boots.TryGetValue(boot, out var session))
            {
                session = new TimeWindowAccumulator();
                _boots[boot] = session;
            }

            session.Add(instant);
        }
    }

    /// <summary>The windows in store order (Persist, Special, Signpost, HighVolume, live data, other).</summary>
    public IReadOnlyList<LogStoreWindow> StoreWindows() =>
        _stores.OrderBy(s => s.Key == LogStoreKind.Other ? int.MaxValue : (int)s.Key)
            .Select(s => new LogStoreWindow(s.Key, s.Value.First, s.Value.Last, s.Value.Entries, s.Value.Files.Count))
            .ToList();

    /// <summary>The boot sessions, earliest first.</summary>
    public IReadOnlyList<BootSession> BootSessions() =>
        _boots.Select(b => new BootSession(b.Key, b.Value.First, b.Value.Last, b.Value.Entries))
            .OrderBy(b => b.First ?? DateTimeOffset.MaxValue)
            .ToList();
}
