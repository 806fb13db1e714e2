using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// The part every text source shares: name, summary and context, a fresh summary for each enumeration, opening the
/// prepared input and recording its problem, and counting the entries yielded. Subclasses only parse; those that can
/// skip building entries honour the <see cref="IEntryScreen"/> they are given, the others ignore it. A screened read
/// (the diagnosis's) parses on a second thread when the machine has more than one core (<see cref="ReadAhead"/>), so
/// that reading, parsing and screening overlap with what the caller does with the entries; entries, their order and
/// every count are the same either way.
/// </summary>
internal abstract class PreparedInputSource : ILineSkippingSource
{
    /// <summary>
    /// Entries (or turned-down lines) handed over at a time when reading ahead. Dense 1M-line diagnosis, 5 rounds each:
    /// 128 → 2.34–2.60 s, 512 → 2.31–2.52, 1024 → 2.16–2.36, 4096 → 2.44–2.52 (fewer hand-overs, until the batches
    /// outgrow the cache).
    /// </summary>
    internal const int ReadAheadBatchSize = 1024;

    /// <summary>Batches in flight when reading ahead (memory: at most this many times <see cref="ReadAheadBatchSize"/> entries).</summary>
    internal const int ReadAheadBatches = 4;

    private readonly Func<PreparedInput> _open;
    private readonly LogInputFormat _format;

    protected PreparedInputSource(string name, LogInputFormat format, Func<PreparedInput> open)
    {
        Name = name;
        _format = format;
        _open = open;
        Summary = new LogReadSummary { Source = name, Format = format };
    }

    public string Name { get; }

    public LogReadSummary Summary { get; private set; }

    public CaptureContext Context { get; } = new();

    /// <summary>
    /// True to parse a screened read on a worker thread, handing entries over in batches (the screen is then asked on
    /// that thread). On by default when there is more than one core; a single core keeps the sequential read.
    /// </summary>
    internal bool ReadAhead { get; set; } = Threading.ReadAhead.IsWorthIt;

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default) => Read(null, cancellationToken);

    public IEnumerable<LogEntry> ReadEntries(IEntryScreen screen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(screen);
        return Read(screen, cancellationToken);
    }

    public IEnumerable<LogEntry> ReadEntries(IEntryScreen screen, ISkippedLineSink skipped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(skipped);
        return ReadSkipping(screen, skipped, cancellationToken);
    }

    /// <summary>
    /// Parses the opened input, yielding entries in input order and filling <paramref name="summary"/>; entries that
    /// <paramref name="screen"/> (when given) turns down may be yielded screened out.
    /// </summary>
    protected abstract IEnumerable<LogEntry> Parse(PreparedInput input, LogReadSummary summary, IEntryScreen? screen, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="Parse"/>, but with <paramref name="skip"/> an entry <paramref name="screen"/> turns down may come as
    /// a skipped item (time, process, place) instead of a screened-out entry. Parsers that cannot skip yield entries.
    /// </summary>
    protected virtual IEnumerable<ReadItem> ParseItems(PreparedInput input, LogReadSummary summary, IEntryScreen? screen, bool skip,
        CancellationToken cancellationToken)
    {
        foreach (var entry in Parse(input, summary, screen, cancellationToken))
        {
            yield return new ReadItem(entry);
        }
    }

    private IEnumerable<LogEntry> Read(IEntryScreen? screen, CancellationToken cancellationToken)
    {
        var (summary, input) = Open();
        var entries = screen is not null && ReadAhead
            ? ReadAheadEntries.Run(token => Parse(input, summary, screen, token), ReadAheadBatchSize, ReadAheadBatches, cancellationToken)
            : Parse(input, summary, screen, cancellationToken);
        foreach (var entry in entries)
        {
            summary.Entries++;
            if (entry.Timestamp is null)
            {
                summary.EntriesWithoutTimestamp++;
            }

            yield return entry;
        }
    }

    // Entries the screen turns down are counted and reported to the sink in their place, never built.
    private IEnumerable<LogEntry> ReadSkipping(IEntryScreen screen, ISkippedLineSink skipped, CancellationToken cancellationToken)
    {
        var (summary, input) = Open();
        var items = ReadAhead
            ? Threading.ReadAhead.Run(token => ParseItems(input, summary, screen, skip: true, token), ReadAheadBatchSize, ReadAheadBatches,
                "log read-ahead", BuildMessages, cancellationToken)
            : ParseItems(input, summary, screen, skip: true, cancellationToken);
        foreach (var item in items)
        {
            summary.Entries++;
            if (item.Entry is { } entry)
            {
                if (entry.Timestamp is null)
                {
                    summary.EntriesWithoutTimestamp++;
                }

                yield return entry;
                continue;
            }

            if (item.Timestamp is null)
            {
                summary.EntriesWithoutTimestamp++;
            }

            skipped.Skipped(item.Timestamp, item.Process, item.Location);
        }
    }

    // As the entry read-ahead does: a wanted entry's message is cut on the worker, before the caller matches it.
    private static void BuildMessages(ArraySegment<ReadItem> batch)
    {
        foreach (var item in batch)
        {
            _ = item.Entry?.EventMessage;
        }
    }

    private (LogReadSummary Summary, PreparedInput Input) Open()
    {
        if (Summary.Lines > 0 || Summary.Bytes > 0)
        {
            Summary = new LogReadSummary { Source = Name, Format = _format };
        }

        var summary = Summary;
        var input = _open();
        if (input.Problem is { } problem)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, problem, 0, 0));
        }

        return (summary, input);
    }
}
