using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>Entries of a <c>log show --style json</c> or <c>--style ndjson</c> export, streamed.</summary>
internal sealed class JsonLogSource : ILogEntrySource
{
    private readonly Func<Stream> _open;
    private readonly LogInputFormat _format;

    public JsonLogSource(string name, LogInputFormat format, Func<Stream> open)
    {
        Name = name;
        _format = format;
        _open = open;
        Summary = new LogReadSummary { Source = name, Format = format };
    }

    public string Name { get; }

    public LogReadSummary Summary { get; private set; }

    public CaptureContext Context { get; } = new();

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default) => Read(cancellationToken);

    private IEnumerable<LogEntry> Read(CancellationToken cancellationToken)
    {
        if (Summary.Lines > 0 || Summary.Bytes > 0)
        {
            Summary = new LogReadSummary { Source = Name, Format = _format };
        }

        var summary = Summary;
        using var reader = new JsonEntryReader(_open(), Name, summary, new StringPool());
        while (reader.Next() is { } entry)
        {
            cancellationToken.ThrowIfCancellationRequested();
            summary.Entries++;
            if (entry.Timestamp is null)
            {
                summary.EntriesWithoutTimestamp++;
            }

            if (entry.TimeZoneName is { Length: > 0 } zone)
            {
                Context.TimeZoneName ??= zone;
            }

            summary.Lines = reader.Lines;
            yield return entry;
        }

        summary.Lines = reader.Lines;
        summary.Bytes = reader.BytesRead;
        if (reader.ReadError is { } error)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, $"reading stopped: {error}", reader.Lines, reader.BytesRead));
        }
    }
}
