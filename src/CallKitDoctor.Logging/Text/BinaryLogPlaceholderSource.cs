using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Stands in for a binary input (a tracev3 file, a logarchive or sysdiagnose folder or tarball) that the text readers
/// do not read: yields nothing and records why.
/// </summary>
internal sealed class BinaryLogPlaceholderSource : ILogEntrySource
{
    public BinaryLogPlaceholderSource(string name, string what)
    {
        Name = name;
        Summary = new LogReadSummary { Source = name, Format = LogInputFormat.Unified };
        Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, name,
            $"{what}: binary unified logs are read by the unified reader"));
    }

    public string Name { get; }

    public LogReadSummary Summary { get; }

    public CaptureContext Context { get; } = new();

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default) => [];
}
