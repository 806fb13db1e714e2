using CallKitDoctor.Logging.Output;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Logging.Unified;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>
/// The two ways the JSON styles reach their bytes, for tests that compare them: every entry of
/// <see cref="UnifiedLogSource.ReadEntries"/> that the filter matches through the entry writer, and
/// <see cref="UnifiedLogSource.WriteJson"/> (events straight from the reader to the writer).
/// </summary>
internal static class JsonPaths
{
    public static (byte[] Bytes, UnifiedLogSource Source) ViaEntries(string path, UnifiedLogOptions options, bool ndjson)
    {
        var source = new UnifiedLogSource(path, options);
        using var stream = new MemoryStream();
        using var writer = LogEntryWriter.Create(ndjson ? LogOutputStyle.Ndjson : LogOutputStyle.Json, stream);
        foreach (var entry in source.ReadEntries())
        {
            if (options.Filter is null || options.Filter.Matches(entry))
            {
                writer.Write(entry);
            }
        }

        writer.Complete();
        return (stream.ToArray(), source);
    }

    public static (byte[] Bytes, UnifiedLogSource Source) Direct(string path, UnifiedLogOptions options, bool ndjson, int? liveReaderLimit = null,
        long? windowBudget = null)
    {
        var source = new UnifiedLogSource(path, options) { MergeLiveReaderLimit = liveReaderLimit, MergeWindowBudget = windowBudget };
        using var stream = new MemoryStream();
        using var writer = (JsonEntryWriter)LogEntryWriter.Create(ndjson ? LogOutputStyle.Ndjson : LogOutputStyle.Json, stream);
        var seen = 0L;
        var written = source.WriteJson(writer, _ => seen++);
        writer.Complete();
        Assert.Equal(writer.Tally.Total, written);
        Assert.True(seen >= written, "progress was not told of every entry");
        return (stream.ToArray(), source);
    }

    public static string Decoded(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    public static List<string> Issues(LogReadSummary summary) => [.. summary.Issues.Select(i => i.ToString())];
}
