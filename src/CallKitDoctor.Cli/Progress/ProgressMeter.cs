using System.Diagnostics;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Cli.Progress;

/// <summary>
/// Counts a read's progress and passes it to a sink at most every <see cref="Interval"/>: entries as they come out of
/// the reader, bytes through whichever probe fits the input (the stream a text reader reads, the archive's compressed
/// bytes, or, for tracev3 files, the furthest chunk offset reached in each file). Bytes reported never go down.
/// Without a sink it does nothing.
/// </summary>
public sealed class ProgressMeter
{
    private const int EntriesBetweenClockChecks = 512;

    private readonly IProgressSink? _sink;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, long> _fileOffsets = new(StringComparer.Ordinal);
    private long _bytes;
    private long _entries;
    private long _lastReport = long.MinValue;
    private string? _currentFile;
    private long _currentFileOffset;
    private long _sumOfFileOffsets;

    public ProgressMeter(IProgressSink? sink, long totalBytes, bool bytesFromEntryOffsets, TimeSpan? interval = null)
    {
        _sink = sink;
        TotalBytes = totalBytes;
        BytesFromEntryOffsets = bytesFromEntryOffsets;
        Interval = interval ?? TimeSpan.FromMilliseconds(100);
    }

    /// <summary>The input's size in bytes (0 when unknown, e.g. standard input).</summary>
    public long TotalBytes { get; }

    /// <summary>True when bytes are measured from binary entries' file offsets (tracev3 files and folders).</summary>
    public bool BytesFromEntryOffsets { get; }

    /// <summary>The least time between two reports.</summary>
    public TimeSpan Interval { get; }

    /// <summary>True when someone is listening (else every call returns at once).</summary>
    public bool IsActive => _sink is not null;

    /// <summary>Counts one entry read.</summary>
    public void Entry(LogEntry entry)
    {
        if (_sink is null)
        {
            return;
        }

        _entries++;
        if (BytesFromEntryOffsets && entry.Location.ByteOffset >= 0)
        {
            TrackOffset(entry.Location.Source, entry.Location.ByteOffset);
        }

        if (_entries % EntriesBetweenClockChecks == 0)
        {
            MaybeReport();
        }
    }

    /// <summary>Sets the bytes read so far (ignored when lower than what was already reported).</summary>
    public void Bytes(long bytesRead)
    {
        if (_sink is null || bytesRead <= _bytes)
        {
            return;
        }

        _bytes = bytesRead;
        MaybeReport();
    }

    /// <summary>For <c>ArchiveOptions.Progress</c>: the compressed bytes read of the archive.</summary>
    public void ArchiveBytes(long bytesRead, long totalBytes) => Bytes(bytesRead);

    /// <summary>Wraps a stream a reader will read so that its bytes count (the stream itself when nobody listens).</summary>
    public Stream Observe(Stream stream) => _sink is null ? stream : new MeteredStream(stream, this);

    /// <summary>Reports the final figures (the whole input as read when its size is known and the read ended).</summary>
    public void Complete(bool readToEnd)
    {
        if (_sink is null)
        {
            return;
        }

        if (readToEnd && TotalBytes > _bytes)
        {
            _bytes = TotalBytes;
        }

        Report();
    }

    private void TrackOffset(string file, long offset)
    {
        if (!ReferenceEquals(file, _currentFile))
        {
            if (_currentFile is not null)
            {
                _fileOffsets[_currentFile] = _currentFileOffset;
            }

            _currentFile = file;
            _currentFileOffset = _fileOffsets.GetValueOrDefault(file);
        }

        if (offset > _currentFileOffset)
        {
            _sumOfFileOffsets += offset - _currentFileOffset;
            _currentFileOffset = offset;
            if (_sumOfFileOffsets > _bytes)
            {
                _bytes = _sumOfFileOffsets;
            }
        }
    }

    private void MaybeReport()
    {
        var now = _clock.ElapsedTicks;
        if (_lastReport != long.MinValue && Stopwatch.GetElapsedTime(_lastReport, now) < Interval)
        {
            return;
        }

        Report();
    }

    private void Report()
    {
        _lastReport = _clock.ElapsedTicks;
        _sink!.Report(new ReadProgress(_bytes, TotalBytes, _entries, _clock.Elapsed));
    }
}
