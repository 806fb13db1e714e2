using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Tests.Text;

/// <summary>The entries and summary of one fully read source.</summary>
internal sealed record ReadResult(ILogEntrySource Source, List<LogEntry> Entries)
{
    public LogReadSummary Summary => Source.Summary;

    public static ReadResult Of(string text, LogInputFormat format = LogInputFormat.Auto, string name = "test.log")
    {
        var source = LogSources.FromText(text, name, format);
        return new ReadResult(source, [.. source.ReadEntries()]);
    }

    public static ReadResult Of(ILogEntrySource source) => new(source, [.. source.ReadEntries()]);

    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
