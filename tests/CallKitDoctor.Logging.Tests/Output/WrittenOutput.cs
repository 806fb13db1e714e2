using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Output;

namespace CallKitDoctor.Logging.Tests.Output;

/// <summary>What a <see cref="LogEntryWriter"/> of a style writes for some entries, as text (trailer included).</summary>
internal static class WrittenOutput
{
    public static string Of(LogOutputStyle style, params LogEntry[] entries)
    {
        using var stream = new MemoryStream();
        using (var writer = LogEntryWriter.Create(style, stream))
        {
            foreach (var entry in entries)
            {
                writer.Write(entry);
            }

            writer.Complete();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
