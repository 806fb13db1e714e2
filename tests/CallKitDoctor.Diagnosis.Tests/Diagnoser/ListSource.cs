using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Tests.Diagnoser;

/// <summary>An entry source over entries in memory.</summary>
internal sealed class ListSource(string name, IReadOnlyList<LogEntry> entries) : ILogEntrySource
{
    public string Name { get; } = name;

    public LogReadSummary Summary { get; } = new() { Source = name, Format = LogInputFormat.Plain };

    public CaptureContext Context { get; init; } = new();

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default)
    {
        foreach (var entry in entries)
        {
            Summary.Entries++;
            Summary.Lines++;
            yield return entry;
        }
    }
}
