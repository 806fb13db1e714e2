using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>Entries of a <c>log show --style json</c> or <c>--style ndjson</c> export, streamed (always whole: a screen is not asked).</summary>
internal sealed class JsonLogSource(string name, LogInputFormat format, Func<PreparedInput> open)
    : PreparedInputSource(name, format, open)
{
    protected override IEnumerable<LogEntry> Parse(PreparedInput input, LogReadSummary summary, IEntryScreen? screen, CancellationToken cancellationToken)
    {
        using var reader = new JsonEntryReader(input.Stream, Name, summary, new StringPool());
        while (reader.Next() is { } entry)
        {
            cancellationToken.ThrowIfCancellationRequested();
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
